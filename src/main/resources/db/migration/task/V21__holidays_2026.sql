-- The 2026 public holidays and make-up working days, as announced by the General Office of the
-- State Council (国务院办公厅关于2026年部分节假日安排的通知). Written from memory of that notice:
-- CHECK THEM AGAINST THE NOTICE, and enter each following year from its notice (published each
-- November) on /task/calendar. 2027 is left to the page: its notice was not known when this was written.
INSERT INTO task_calendar_day (day, kind, name) VALUES
    -- 元旦: 1 Jan (Thu) to 3 Jan (Sat) off; Sunday 4 Jan worked
    ('2026-01-01', 'HOLIDAY', '元旦'),
    ('2026-01-02', 'HOLIDAY', '元旦'),
    ('2026-01-03', 'HOLIDAY', '元旦'),
    ('2026-01-04', 'WORKDAY', '元旦调休上班'),
    -- 春节: 15 Feb (Sun, 腊月二十八) to 23 Feb (Mon) off, nine days; Saturdays 14 and 28 Feb worked
    ('2026-02-14', 'WORKDAY', '春节调休上班'),
    ('2026-02-15', 'HOLIDAY', '春节'),
    ('2026-02-16', 'HOLIDAY', '春节'),
    ('2026-02-17', 'HOLIDAY', '春节'),
    ('2026-02-18', 'HOLIDAY', '春节'),
    ('2026-02-19', 'HOLIDAY', '春节'),
    ('2026-02-20', 'HOLIDAY', '春节'),
    ('2026-02-21', 'HOLIDAY', '春节'),
    ('2026-02-22', 'HOLIDAY', '春节'),
    ('2026-02-23', 'HOLIDAY', '春节'),
    ('2026-02-28', 'WORKDAY', '春节调休上班'),
    -- 清明节: 4 Apr (Sat) to 6 Apr (Mon) off
    ('2026-04-04', 'HOLIDAY', '清明节'),
    ('2026-04-05', 'HOLIDAY', '清明节'),
    ('2026-04-06', 'HOLIDAY', '清明节'),
    -- 劳动节: 1 May (Fri) to 5 May (Tue) off; Saturday 9 May worked
    ('2026-05-01', 'HOLIDAY', '劳动节'),
    ('2026-05-02', 'HOLIDAY', '劳动节'),
    ('2026-05-03', 'HOLIDAY', '劳动节'),
    ('2026-05-04', 'HOLIDAY', '劳动节'),
    ('2026-05-05', 'HOLIDAY', '劳动节'),
    ('2026-05-09', 'WORKDAY', '劳动节调休上班'),
    -- 端午节: 19 Jun (Fri) to 21 Jun (Sun) off
    ('2026-06-19', 'HOLIDAY', '端午节'),
    ('2026-06-20', 'HOLIDAY', '端午节'),
    ('2026-06-21', 'HOLIDAY', '端午节'),
    -- 中秋节: 25 Sep (Fri) to 27 Sep (Sun) off
    ('2026-09-25', 'HOLIDAY', '中秋节'),
    ('2026-09-26', 'HOLIDAY', '中秋节'),
    ('2026-09-27', 'HOLIDAY', '中秋节'),
    -- 国庆节: 1 Oct (Thu) to 7 Oct (Wed) off; Sunday 20 Sep and Saturday 10 Oct worked
    ('2026-09-20', 'WORKDAY', '国庆节调休上班'),
    ('2026-10-01', 'HOLIDAY', '国庆节'),
    ('2026-10-02', 'HOLIDAY', '国庆节'),
    ('2026-10-03', 'HOLIDAY', '国庆节'),
    ('2026-10-04', 'HOLIDAY', '国庆节'),
    ('2026-10-05', 'HOLIDAY', '国庆节'),
    ('2026-10-06', 'HOLIDAY', '国庆节'),
    ('2026-10-07', 'HOLIDAY', '国庆节'),
    ('2026-10-10', 'WORKDAY', '国庆节调休上班');

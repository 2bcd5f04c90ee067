-- Task module: the business calendar's holidays and make-up working days (调休). The regular week
-- (Monday to Friday, 08:30-12:00 and 13:30-17:30) is configuration (linyunzhi.task.calendar.*);
-- this table lists only the dates that depart from it. See org.linyunzhi.task.BusinessCalendar.
CREATE TABLE task_calendar_day (
    day        DATE PRIMARY KEY,
    kind       VARCHAR(10) NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name       VARCHAR(60) NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row. Every change of the calendar bumps it in its own transaction; each node compares it with
-- the version of its cached calendar every few seconds and reloads when it moved.
CREATE TABLE task_calendar_version (
    id      SMALLINT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO task_calendar_version (id, version) VALUES (1, 1);

package org.linyunzhi.task.internal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.linyunzhi.task.BusinessCalendar;

/**
 * A year laid out as twelve month sheets, weeks starting on Monday as Chinese calendars print
 * them, each day marked as the calendar counts it.
 */
record YearSheet(int year, List<MonthSheet> months, int workingDays, int holidays, int makeUpDays) {

    /** How a day is drawn: a working day, a regular day off, a listed holiday or a make-up working day. */
    enum Mark {
        WORK, OFF, HOLIDAY, MAKE_UP
    }

    record Day(LocalDate date, Mark mark, String name) {
    }

    /** {@code weeks} holds seven entries a week, null where the day belongs to another month. */
    record MonthSheet(int month, List<List<Day>> weeks) {
    }

    static YearSheet of(int year, List<SpecialDay> listed, BusinessCalendar calendar) {
        Map<LocalDate, SpecialDay> byDate = listed.stream()
                .collect(Collectors.toMap(SpecialDay::date, Function.identity()));
        List<MonthSheet> months = new ArrayList<>();
        int working = 0;
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            List<List<Day>> weeks = new ArrayList<>();
            List<Day> week = new ArrayList<>(Collections.nCopies(month.atDay(1).getDayOfWeek().getValue() - 1, null));
            for (int d = 1; d <= month.lengthOfMonth(); d++) {
                LocalDate date = month.atDay(d);
                SpecialDay special = byDate.get(date);
                boolean works = calendar.isWorkingDay(date);
                working += works ? 1 : 0;
                Mark mark = special == null ? (works ? Mark.WORK : Mark.OFF)
                        : special.kind() == DayKind.HOLIDAY ? Mark.HOLIDAY : Mark.MAKE_UP;
                week.add(new Day(date, mark, special == null ? null : special.name()));
                if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(null);
                }
                weeks.add(week);
            }
            months.add(new MonthSheet(m, weeks));
        }
        int holidays = (int) listed.stream().filter(s -> s.kind() == DayKind.HOLIDAY).count();
        return new YearSheet(year, months, working, holidays, listed.size() - holidays);
    }
}

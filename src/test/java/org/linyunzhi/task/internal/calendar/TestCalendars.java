package org.linyunzhi.task.internal.calendar;

import java.time.Duration;
import java.util.Map;
import org.linyunzhi.task.BusinessCalendar;

/** Business calendars without a database, for the rules of other packages. */
public final class TestCalendars {

    private TestCalendars() {
    }

    /** The default week with the 2026 National Day bridge (see {@link CalendarRulesTest}). */
    public static BusinessCalendar defaultWeekWithNationalDay2026() {
        return new CalendarRules(CalendarRulesTest.DEFAULT_HOURS, nationalDay());
    }

    public static Duration workingDay() {
        return CalendarRulesTest.DEFAULT_HOURS.dayLength();
    }

    private static Map<java.time.LocalDate, DayKind> nationalDay() {
        return new CalendarRulesTest().nationalDayDays();
    }
}

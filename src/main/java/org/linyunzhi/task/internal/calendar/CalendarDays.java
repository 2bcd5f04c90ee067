package org.linyunzhi.task.internal.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The holidays and make-up working days in {@code task_calendar_day}. */
class CalendarDays {

    private final JdbcClient jdbc;

    CalendarDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SpecialDay> ofYear(int year) {
        return jdbc.sql("""
                        SELECT day, kind, name FROM task_calendar_day
                        WHERE day >= :from AND day < :to ORDER BY day""")
                .param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> new SpecialDay(rs.getObject("day", LocalDate.class),
                        DayKind.valueOf(rs.getString("kind")), rs.getString("name")))
                .list();
    }

    /** Every listed date: a few dozen a year, so the whole table is what the calendar caches. */
    Map<LocalDate, DayKind> all() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        jdbc.sql("SELECT day, kind FROM task_calendar_day")
                .query(rs -> {
                    days.put(rs.getObject("day", LocalDate.class), DayKind.valueOf(rs.getString("kind")));
                });
        return days;
    }

    /** Adds a date; false when the date is listed already (remove it first to change it). */
    boolean add(SpecialDay day) {
        return jdbc.sql("""
                        INSERT INTO task_calendar_day (day, kind, name) VALUES (:day, :kind, :name)
                        ON CONFLICT (day) DO NOTHING""")
                .param("day", day.date())
                .param("kind", day.kind().name())
                .param("name", day.name())
                .update() == 1;
    }

    boolean remove(LocalDate date) {
        return jdbc.sql("DELETE FROM task_calendar_day WHERE day = :day").param("day", date).update() == 1;
    }

    int removeYear(int year) {
        return jdbc.sql("DELETE FROM task_calendar_day WHERE day >= :from AND day < :to")
                .param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year + 1, 1, 1))
                .update();
    }
}

package org.linyunzhi.task.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Readable task numbers, {@code RW20261204-0001}: a sequence per day in the town's time zone, drawn
 * from one counter row per day with an atomic upsert. The row lock lasts until the drawing
 * transaction ends, so numbers are unique across app nodes and have no gaps; a campaign draws its
 * whole block at once.
 */
@Component
class TaskNumbers {

    static final ZoneId TOWN_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;

    TaskNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String next(Clock clock) {
        return next(LocalDate.now(clock.withZone(TOWN_ZONE)), 1).get(0);
    }

    /** {@code count} consecutive numbers of a day. */
    List<String> next(LocalDate day, int count) {
        int last = jdbc.sql("""
                        INSERT INTO task_number_counter (day, last) VALUES (:day, :count)
                        ON CONFLICT (day) DO UPDATE SET last = task_number_counter.last + EXCLUDED.last
                        RETURNING last
                        """)
                .param("day", day).param("count", count).query(Integer.class).single();
        List<String> numbers = new ArrayList<>(count);
        String prefix = "RW" + DAY.format(day) + "-";
        for (int n = last - count + 1; n <= last; n++) {
            numbers.add(prefix + String.format("%04d", n));
        }
        return numbers;
    }
}

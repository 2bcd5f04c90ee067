package org.linyunzhi.points.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** The time spans a leaderboard can cover, counted in town time (a month starts at local midnight). */
enum Period {
    ALL, YEAR, MONTH;

    static final ZoneId TOWN_TIME = ZoneId.of("Asia/Shanghai");

    /** The first instant counted, or null for all time. */
    Instant from(Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(TOWN_TIME));
        return switch (this) {
            case ALL -> null;
            case YEAR -> today.with(TemporalAdjusters.firstDayOfYear()).atStartOfDay(TOWN_TIME).toInstant();
            case MONTH -> today.withDayOfMonth(1).atStartOfDay(TOWN_TIME).toInstant();
        };
    }

    /** The period named in a query string; null when the text names none (the caller answers 400). */
    static Period parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        for (Period p : values()) {
            if (p.name().equalsIgnoreCase(text.strip())) {
                return p;
            }
        }
        return null;
    }
}

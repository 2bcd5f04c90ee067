package org.linyunzhi.task.internal.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.linyunzhi.task.BusinessCalendar;

/** The calendar other code asks: each answer uses the latest rules the cache holds. */
class CachedBusinessCalendar implements BusinessCalendar {

    private final CalendarCache cache;

    CachedBusinessCalendar(CalendarCache cache) {
        this.cache = cache;
    }

    @Override
    public Instant addWorkingHours(Instant start, Duration hours) {
        return cache.rules().addWorkingHours(start, hours);
    }

    @Override
    public Instant addWorkingDays(Instant start, int days) {
        return cache.rules().addWorkingDays(start, days);
    }

    @Override
    public Duration workingTimeBetween(Instant a, Instant b) {
        return cache.rules().workingTimeBetween(a, b);
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return cache.rules().isWorkingDay(date);
    }
}

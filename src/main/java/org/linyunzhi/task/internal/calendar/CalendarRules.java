package org.linyunzhi.task.internal.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.linyunzhi.task.BusinessCalendar;
import org.linyunzhi.task.internal.calendar.WorkingHours.Period;

/**
 * The counting rules of the business calendar on one fixed set of holidays: a pure value, rebuilt
 * whole when the calendar changes, so a computation never sees half an edit.
 */
final class CalendarRules implements BusinessCalendar {

    /** A limit that finds no working time within ten years means a calendar without working days. */
    private static final int MAX_DAYS = 3660;

    private final WorkingHours hours;
    private final Map<LocalDate, DayKind> special;

    CalendarRules(WorkingHours hours, Map<LocalDate, DayKind> special) {
        this.hours = hours;
        this.special = Map.copyOf(special);
    }

    WorkingHours hours() {
        return hours;
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        DayKind kind = special.get(date);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        return hours.isRegularWorkingDay(date.getDayOfWeek());
    }

    @Override
    public Instant addWorkingHours(Instant start, Duration amount) {
        if (amount.isNegative()) {
            return subtractWorkingHours(start, amount.negated());
        }
        if (amount.isZero()) {
            return start;
        }
        ZonedDateTime from = start.atZone(hours.zone());
        LocalDate date = from.toLocalDate();
        LocalTime after = from.toLocalTime();
        Duration remaining = amount;
        for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1), after = LocalTime.MIN) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (Period p : hours.periods()) {
                LocalTime begin = after.isAfter(p.start()) ? after : p.start();
                if (!begin.isBefore(p.end())) {
                    continue;
                }
                Duration available = Duration.between(begin, p.end());
                if (remaining.compareTo(available) <= 0) {
                    return at(date, begin.plus(remaining));
                }
                remaining = remaining.minus(available);
            }
        }
        throw noWorkingTime();
    }

    /** The mirror of {@link #addWorkingHours}: walks back from {@code end} through working periods. */
    private Instant subtractWorkingHours(Instant end, Duration amount) {
        ZonedDateTime from = end.atZone(hours.zone());
        LocalDate date = from.toLocalDate();
        LocalTime before = from.toLocalTime();
        Duration remaining = amount;
        List<Period> backwards = new ArrayList<>(hours.periods());
        Collections.reverse(backwards);
        for (int i = 0; i < MAX_DAYS; i++, date = date.minusDays(1), before = LocalTime.MAX) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (Period p : backwards) {
                LocalTime finish = before.isBefore(p.end()) ? before : p.end();
                if (!finish.isAfter(p.start())) {
                    continue;
                }
                Duration available = Duration.between(p.start(), finish);
                if (remaining.compareTo(available) <= 0) {
                    return at(date, finish.minus(remaining));
                }
                remaining = remaining.minus(available);
            }
        }
        throw noWorkingTime();
    }

    @Override
    public Instant addWorkingDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + days);
        }
        ZonedDateTime from = start.atZone(hours.zone());
        LocalDate date = from.toLocalDate();
        int counted = 0;
        if (days == 0) {
            if (isWorkingDay(date) && from.toLocalTime().isBefore(hours.closing())) {
                return at(date, hours.closing());
            }
            days = 1;
        }
        for (int i = 0; i < MAX_DAYS; i++) {
            date = date.plusDays(1);
            if (isWorkingDay(date) && ++counted == days) {
                return at(date, hours.closing());
            }
        }
        throw noWorkingTime();
    }

    @Override
    public Duration workingTimeBetween(Instant a, Instant b) {
        if (b.isBefore(a)) {
            return workingTimeBetween(b, a).negated();
        }
        LocalDate first = a.atZone(hours.zone()).toLocalDate();
        LocalDate last = b.atZone(hours.zone()).toLocalDate();
        Duration total = Duration.ZERO;
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (Period p : hours.periods()) {
                Instant begin = latest(a, at(date, p.start()));
                Instant end = earliest(b, at(date, p.end()));
                if (begin.isBefore(end)) {
                    total = total.plus(Duration.between(begin, end));
                }
            }
        }
        return total;
    }

    private Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, hours.zone()).toInstant();
    }

    private static Instant latest(Instant x, Instant y) {
        return x.isAfter(y) ? x : y;
    }

    private static Instant earliest(Instant x, Instant y) {
        return x.isBefore(y) ? x : y;
    }

    private static IllegalStateException noWorkingTime() {
        return new IllegalStateException("the business calendar has no working time within ten years");
    }
}

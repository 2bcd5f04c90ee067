package org.linyunzhi.task.internal.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The regular working week: which weekdays are worked and the working periods of such a day.
 * Checked when built, so that a typo in the configuration stops the start instead of silently
 * moving every deadline.
 */
public record WorkingHours(ZoneId zone, Set<DayOfWeek> days, List<Period> periods) {

    /** One stretch of work within a day, e.g. 08:30–12:00. */
    public record Period(LocalTime start, LocalTime end) {

        Duration length() {
            return Duration.between(start, end);
        }
    }

    public WorkingHours {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("linyunzhi.task.calendar.working-days: at least one weekday must be worked");
        }
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("linyunzhi.task.calendar.working-hours: at least one period is needed");
        }
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            if (!p.start().isBefore(p.end())) {
                throw new IllegalArgumentException("linyunzhi.task.calendar.working-hours: " + p.start() + "-" + p.end()
                        + " ends before it starts");
            }
            if (i > 0 && p.start().isBefore(periods.get(i - 1).end())) {
                throw new IllegalArgumentException("linyunzhi.task.calendar.working-hours: periods must be in order and not overlap");
            }
        }
        days = Set.copyOf(EnumSet.copyOf(days));
        periods = List.copyOf(periods);
    }

    static WorkingHours parse(ZoneId zone, Set<DayOfWeek> days, List<String> periods) {
        List<Period> parsed = new ArrayList<>();
        for (String text : periods) {
            String[] ends = text.strip().split("\\s*-\\s*");
            try {
                if (ends.length != 2) {
                    throw new DateTimeParseException("expected HH:mm-HH:mm", text, 0);
                }
                parsed.add(new Period(LocalTime.parse(ends[0]), LocalTime.parse(ends[1])));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("linyunzhi.task.calendar.working-hours: '" + text
                        + "' is not a period like 08:30-12:00", e);
            }
        }
        return new WorkingHours(zone, days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days), parsed);
    }

    /** The working time of one full working day (7.5 hours by default). */
    public Duration dayLength() {
        return periods.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
    }

    /** When a working day closes (17:30 by default). */
    LocalTime closing() {
        return periods.get(periods.size() - 1).end();
    }

    boolean isRegularWorkingDay(DayOfWeek day) {
        return days.contains(day);
    }

    /**
     * Why a date cannot be listed as it is, as a message code: a make-up working day must fall on a
     * day that is not worked anyway, or a typo would pass unnoticed.
     */
    Optional<String> objectionTo(SpecialDay day) {
        if (day.kind() == DayKind.WORKDAY && isRegularWorkingDay(day.date().getDayOfWeek())) {
            return Optional.of("taskcal.error.workdayOnWorkingDay");
        }
        return Optional.empty();
    }
}

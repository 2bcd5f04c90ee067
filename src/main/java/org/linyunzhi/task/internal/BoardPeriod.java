package org.linyunzhi.task.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The board's period (tasks created from {@code from} to {@code to}, both days included, either open
 * ended) cut into the whole months the month counters answer and the days at its edges the day
 * counters answer. A board without a period reads month counters only.
 *
 * @param from   the first day, null when open
 * @param end    the day after the last, null when open
 * @param months the whole months as [first day, end) with null for an open end; null when there are none
 * @param days   the edge days as [first, end) ranges
 */
record BoardPeriod(LocalDate from, LocalDate end, Range months, List<Range> days) {

    /** Days or months from {@code start} (inclusive) to {@code end} (exclusive); null is open. */
    record Range(LocalDate start, LocalDate end) {
    }

    static BoardPeriod of(LocalDate from, LocalDate to) {
        LocalDate end = to == null ? null : to.plusDays(1);
        // the first whole month begins at from, or on the first of the next month
        LocalDate firstMonth = from == null ? null
                : from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate endMonth = end == null ? null : end.withDayOfMonth(1);
        if (firstMonth != null && endMonth != null && !firstMonth.isBefore(endMonth)) {
            // shorter than a calendar month, or across one month's boundary only: days all the way
            return new BoardPeriod(from, end, null, from.isBefore(end) ? List.of(new Range(from, end)) : List.of());
        }
        List<Range> days = new ArrayList<>(2);
        if (from != null && from.isBefore(firstMonth)) {
            days.add(new Range(from, firstMonth));
        }
        if (end != null && endMonth.isBefore(end)) {
            days.add(new Range(endMonth, end));
        }
        return new BoardPeriod(from, end, new Range(firstMonth, endMonth), List.copyOf(days));
    }
}

package org.linyunzhi.task;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The town's business calendar: working days and hours (by default Monday to Friday, 08:30–12:00 and
 * 13:30–17:30 in Asia/Shanghai) with the State Council's public holidays and make-up working days
 * (调休) kept on /task/calendar. Time limits of tasks, hazards and events are counted on it
 * (e.g. "4 working hours", "7 working days"). Answers follow a change of the calendar at once on
 * the node that made it and within seconds on the others.
 */
public interface BusinessCalendar {

    /**
     * The instant at which {@code hours} of working time have passed since {@code start}. Time
     * outside working hours does not count; a limit that runs out exactly at a closing time ends
     * there (12:00, not 13:30). A negative amount counts backwards, e.g. the moment two working
     * hours before a deadline.
     */
    Instant addWorkingHours(Instant start, Duration hours);

    /**
     * The close of the {@code days}-th working day after the day of {@code start} (the starting day
     * is not counted, as in administrative time limits). Zero days means the close of the current
     * working day, or of the next one when {@code start} is on a day off or after closing time.
     *
     * @throws IllegalArgumentException for a negative number of days
     */
    Instant addWorkingDays(Instant start, int days);

    /** Working time from {@code a} to {@code b}; negative when {@code b} is before {@code a}. */
    Duration workingTimeBetween(Instant a, Instant b);

    /** Whether people work on that date: a weekday that is no holiday, or a make-up working day. */
    boolean isWorkingDay(LocalDate date);
}

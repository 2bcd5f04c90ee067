package org.linyunzhi.task.internal.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.linyunzhi.task.BusinessCalendar;

/**
 * When a task's timers fire for a deadline, counted in working time on the business calendar: the
 * reminder {@code reminder-before} working hours before it, the overdue mark at it, the escalation
 * {@code escalation-after-working-days} working days after it at the same clock time. The times
 * are fixed when the deadline is scheduled; a later change of the holiday calendar moves deadlines
 * scheduled later, not these.
 */
class SupervisionPolicy {

    /** One timer to set: which kind, and when it is due. */
    record Timer(DeadlineKind kind, Instant dueAt) {
    }

    private final BusinessCalendar calendar;
    private final Duration reminderBefore;
    private final Duration escalationAfter;

    SupervisionPolicy(BusinessCalendar calendar, SupervisionProperties properties, Duration workingDay) {
        this.calendar = calendar;
        this.reminderBefore = properties.reminderBefore();
        this.escalationAfter = workingDay.multipliedBy(properties.escalationAfterWorkingDays());
    }

    /**
     * The timers for a deadline set at {@code now}. A timer already due fires at once, except the
     * reminder of a deadline that has passed: being reminded of what is already overdue helps nobody.
     */
    List<Timer> timersFor(Instant deadline, Instant now) {
        List<Timer> timers = new ArrayList<>(3);
        if (!reminderBefore.isZero() && deadline.isAfter(now)) {
            timers.add(new Timer(DeadlineKind.NEAR, calendar.addWorkingHours(deadline, reminderBefore.negated())));
        }
        timers.add(new Timer(DeadlineKind.PASSED, deadline));
        if (!escalationAfter.isZero()) {
            timers.add(new Timer(DeadlineKind.ESCALATION, calendar.addWorkingHours(deadline, escalationAfter)));
        }
        return timers;
    }
}

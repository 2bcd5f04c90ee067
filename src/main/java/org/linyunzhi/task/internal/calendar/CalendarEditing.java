package org.linyunzhi.task.internal.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the holiday calendar from /task/calendar. Every change bumps the calendar's version
 * in the same transaction, so deadlines computed after the commit use it on every node.
 */
class CalendarEditing {

    /** The longest name a listed date may carry. */
    static final int NAME_MAX = 60;

    private final CalendarDays days;
    private final CalendarCache cache;
    private final WorkingHours hours;

    CalendarEditing(CalendarDays days, CalendarCache cache, WorkingHours hours) {
        this.days = days;
        this.cache = cache;
        this.hours = hours;
    }

    /** Lists a date; false when it is listed already. */
    @Transactional
    public boolean add(SpecialDay day) {
        if (hours.objectionTo(day).isPresent()) {
            throw new IllegalArgumentException(day + " is a regular working day");
        }
        if (!days.add(day)) {
            return false;
        }
        cache.changed();
        return true;
    }

    @Transactional
    public boolean remove(LocalDate date) {
        if (!days.remove(date)) {
            return false;
        }
        cache.changed();
        return true;
    }

    /** Replaces a year's list with an imported one, all or nothing. */
    @Transactional
    public void replaceYear(int year, List<SpecialDay> list) {
        days.removeYear(year);
        for (SpecialDay day : list) {
            if (day.date().getYear() != year || !days.add(day)) {
                throw new IllegalArgumentException(day + " does not belong to " + year + " or is listed twice");
            }
        }
        cache.changed();
    }
}

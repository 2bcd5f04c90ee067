package org.linyunzhi.task.internal.calendar;

/** How a listed date departs from the regular week. */
public enum DayKind {
    /** A public holiday or a day off in its bridge (放假). */
    HOLIDAY,
    /** A weekend day worked to make up for a bridge (调休上班). */
    WORKDAY
}

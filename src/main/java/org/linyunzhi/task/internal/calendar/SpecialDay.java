package org.linyunzhi.task.internal.calendar;

import java.time.LocalDate;

/** A date of the holiday calendar, e.g. 2026-10-01 HOLIDAY 国庆节, or 2026-10-10 WORKDAY 国庆节调休. */
public record SpecialDay(LocalDate date, DayKind kind, String name) {
}

package org.linyunzhi.task.internal.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linyunzhi.task.calendar.*}: the regular working week. Holidays and make-up working days
 * are not configuration but data, kept on /task/calendar.
 *
 * @param zone         where the working day is counted
 * @param workingDays  the regular working weekdays
 * @param workingHours the working periods of a day, {@code HH:mm-HH:mm}, in order
 * @param refresh      how often a node looks whether another node changed the holiday calendar
 */
@ConfigurationProperties("linyunzhi.task.calendar")
public record CalendarProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> workingDays,
        @DefaultValue({"08:30-12:00", "13:30-17:30"}) List<String> workingHours,
        @DefaultValue("5s") Duration refresh) {

    WorkingHours toWorkingHours() {
        return WorkingHours.parse(zone, workingDays, workingHours);
    }
}

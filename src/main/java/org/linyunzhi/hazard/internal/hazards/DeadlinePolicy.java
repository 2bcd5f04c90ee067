package org.linyunzhi.hazard.internal.hazards;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.linyunzhi.task.BusinessCalendar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The rectification deadline: the category's time limit counted in working days on the town's
 * business calendar (the day of discovery not counted, the deadline the close of the last working
 * day). Without a calendar (a module test) calendar days are counted, ending at 17:30 town time.
 */
@Component
class DeadlinePolicy {

    private static final LocalTime CLOSE = LocalTime.of(17, 30);

    private final ObjectProvider<BusinessCalendar> calendar;

    DeadlinePolicy(ObjectProvider<BusinessCalendar> calendar) {
        this.calendar = calendar;
    }

    Instant deadline(Instant foundAt, int timeLimitDays) {
        BusinessCalendar working = calendar.getIfAvailable();
        if (working != null) {
            return working.addWorkingDays(foundAt, timeLimitDays);
        }
        ZonedDateTime found = foundAt.atZone(Hazards.TOWN_ZONE);
        return found.toLocalDate().plusDays(timeLimitDays).atTime(CLOSE).atZone(Hazards.TOWN_ZONE).toInstant();
    }
}

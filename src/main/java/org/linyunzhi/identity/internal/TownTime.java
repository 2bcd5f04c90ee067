package org.linyunzhi.identity.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Times as the town reads them (Asia/Shanghai), for templates: {@code ${@townTime.seconds(t)}}.
 * Stored times stay UTC instants.
 */
@Component("townTime")
class TownTime {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    public String seconds(Instant t) {
        return t == null ? "" : SECONDS.format(t);
    }

    public String minutes(Instant t) {
        return t == null ? "" : MINUTES.format(t);
    }
}

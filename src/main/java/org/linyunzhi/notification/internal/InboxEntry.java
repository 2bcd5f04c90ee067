package org.linyunzhi.notification.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

/** A row of a user's inbox. */
record InboxEntry(UUID id, UUID userId, NotificationKind kind, String subjectType, UUID subjectId,
                  String subjectNumber, String subjectName, String detail, String link, Instant occurredAt,
                  Instant createdAt, Instant readAt) {

    static final ZoneId TOWN_TIME = ZoneId.of("Asia/Shanghai");

    public boolean unread() {
        return readAt == null;
    }

    public ZonedDateTime townTime() {
        return occurredAt.atZone(TOWN_TIME);
    }
}

package org.linyunzhi.notification.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One thing to tell some people, before it becomes a row in each recipient's inbox.
 *
 * @param subjectType what the notice is about: TASK today; HAZARD, EVENT, CASE later
 * @param detail      a person's own words (a return reason, an urge message), or null
 * @param sourceKey   the causing event (type, subject, time); the same event delivered twice gives
 *                    the same key, and each recipient gets it once
 */
record Notice(NotificationKind kind, String subjectType, UUID subjectId, String subjectNumber, String subjectName,
              String detail, String link, Instant occurredAt, String sourceKey, Set<UUID> recipients) {
}

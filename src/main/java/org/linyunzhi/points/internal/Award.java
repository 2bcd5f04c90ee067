package org.linyunzhi.points.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One ledger entry to write: who, where, how many points under which rule, and the event that
 * earned them. {@code occurrence} separates two genuine occurrences of one event for one record;
 * a redelivered event repeats all of (sourceEvent, sourceId, occurrence, ruleCode) and is dropped.
 */
record Award(UUID staffId, UUID userId, String regionCode, int points, String ruleCode, String reason,
             String sourceEvent, UUID sourceId, String sourceNumber, String occurrence, Instant earnedAt) {

    Award {
        if (points == 0) {
            throw new IllegalArgumentException("an award of 0 points is not written");
        }
        if (staffId == null && userId == null) {
            throw new IllegalArgumentException("an award needs a holder");
        }
    }
}

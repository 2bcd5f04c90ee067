package org.linyunzhi.points.internal;

import java.time.Instant;
import java.util.UUID;

/** A written ledger entry as pages and the API show it. */
record LedgerEntry(long seq, UUID holder, UUID staffId, UUID userId, String regionCode, int points,
                   String ruleCode, String reason, String sourceEvent, UUID sourceId, String sourceNumber,
                   Instant earnedAt) {
}

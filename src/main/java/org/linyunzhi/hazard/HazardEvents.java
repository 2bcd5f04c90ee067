package org.linyunzhi.hazard;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What the hazard module tells the rest of the platform, as past-tense events through Modulith's
 * outbox. Each names the people to tell ({@code recipientUserIds}, identity user ids, possibly empty)
 * so that listeners such as notifications need not know how hazards are routed.
 */
public final class HazardEvents {

    private HazardEvents() {
    }

    /** A hazard was found and filed (by inspection, a grid report or an event). */
    public record HazardReported(UUID hazardId, String number, String title, String categoryCode, int level,
                                 String regionCode, String source, boolean upstream, Instant deadline,
                                 Set<UUID> recipientUserIds, Instant at) {
    }

    /** The rectification deadline passed while the hazard was still open; told to the level's handling body. */
    public record HazardOverdue(UUID hazardId, String number, String title, int level, String regionCode,
                                Instant deadline, Set<UUID> recipientUserIds, Instant at) {
    }

    /** Still open long after its deadline: handed up to the body one level above. */
    public record HazardEscalated(UUID hazardId, String number, String title, int level, int escalatedTo,
                                  String regionCode, Instant deadline, Set<UUID> recipientUserIds, Instant at) {
    }

    /** Re-inspection passed: the rectification is verified and the hazard closed. */
    public record HazardClosed(UUID hazardId, String number, String title, int level, String regionCode,
                               UUID campaignId, boolean onTime, Set<UUID> recipientUserIds, Instant at) {
    }
}

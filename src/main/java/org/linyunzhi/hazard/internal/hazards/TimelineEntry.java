package org.linyunzhi.hazard.internal.hazards;

import java.time.Instant;
import java.util.UUID;

/** One step of a hazard's history: who did what, when, from which state to which, and why. */
public record TimelineEntry(Instant at, UUID actorId, String actorName, HazardAction action, HazardStatus from,
                            HazardStatus to, String comment) {
}

package org.linyunzhi.hazard.internal.hazards;

/**
 * Where a hazard stands. REJECTED is "back in rectification with the re-inspector's reason": the
 * responsible party rectifies again and submits new evidence from it.
 */
public enum HazardStatus {
    FOUND, ORDERED, RECTIFYING, EVIDENCE_SUBMITTED, REJECTED, CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}

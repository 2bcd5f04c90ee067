package org.linyunzhi.hazard.internal.hazards;

import static org.linyunzhi.hazard.internal.hazards.HazardStatus.CLOSED;
import static org.linyunzhi.hazard.internal.hazards.HazardStatus.EVIDENCE_SUBMITTED;
import static org.linyunzhi.hazard.internal.hazards.HazardStatus.FOUND;
import static org.linyunzhi.hazard.internal.hazards.HazardStatus.ORDERED;
import static org.linyunzhi.hazard.internal.hazards.HazardStatus.RECTIFYING;
import static org.linyunzhi.hazard.internal.hazards.HazardStatus.REJECTED;

import java.util.EnumSet;
import java.util.Set;

/**
 * The hazard lifecycle as one transition table: each action, the states it may start from, the
 * state it leads to (null: the state stays) and the permission a person needs (null: only the
 * system's timers take it). A hazard refuses any other move.
 * <pre>
 * FOUND → ORDERED (整改通知) → RECTIFYING → EVIDENCE_SUBMITTED → CLOSED (复核通过)
 *                                   ↑                   ↘ REJECTED (复核不通过, with a reason)
 *                                   └──── evidence again ─────┘
 * OVERDUE and ESCALATE mark an open hazard; its state stays.
 * </pre>
 */
public enum HazardAction {
    REPORT(EnumSet.noneOf(HazardStatus.class), FOUND, "hazard:report"),
    /** The rectification order to the responsible party, stating the deadline. */
    ORDER(EnumSet.of(FOUND), ORDERED, "hazard:order"),
    START(EnumSet.of(ORDERED), RECTIFYING, "hazard:rectify"),
    /** Photos and a note showing the rectification; after a failed re-inspection as well. */
    SUBMIT_EVIDENCE(EnumSet.of(RECTIFYING, REJECTED), EVIDENCE_SUBMITTED, "hazard:rectify"),
    /** Re-inspection found the hazard removed. */
    PASS(EnumSet.of(EVIDENCE_SUBMITTED), CLOSED, "hazard:verify"),
    /** Re-inspection found it still there: back to rectification with the reason. */
    FAIL(EnumSet.of(EVIDENCE_SUBMITTED), REJECTED, "hazard:verify"),
    OVERDUE(EnumSet.of(FOUND, ORDERED, RECTIFYING, EVIDENCE_SUBMITTED, REJECTED), null, null),
    ESCALATE(EnumSet.of(FOUND, ORDERED, RECTIFYING, EVIDENCE_SUBMITTED, REJECTED), null, null);

    private final Set<HazardStatus> from;
    private final HazardStatus to;
    private final String permission;

    HazardAction(Set<HazardStatus> from, HazardStatus to, String permission) {
        this.from = from;
        this.to = to;
        this.permission = permission;
    }

    public boolean allowedFrom(HazardStatus status) {
        return from.contains(status);
    }

    /** The state after the action taken from {@code status}; the same state for actions that keep it. */
    public HazardStatus leadsFrom(HazardStatus status) {
        return to == null ? status : to;
    }

    /** The permission a person needs; null for the actions only timers take. */
    public String permission() {
        return permission;
    }

    /** Whether people take this action (on pages and the API) rather than timers. */
    public boolean byPeople() {
        return permission != null && this != REPORT;
    }
}

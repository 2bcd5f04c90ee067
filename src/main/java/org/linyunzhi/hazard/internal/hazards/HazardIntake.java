package org.linyunzhi.hazard.internal.hazards;

import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Where other parts of the hazard module (inspection, demo history) file what they found. Public
 * because it crosses sub-packages; the checks, routing, deadline, timeline and events are the ones
 * the grid report page and the event API go through.
 */
@Component
public class HazardIntake {

    private static final String SYSTEM = "system";

    private final HazardLifecycle lifecycle;
    private final OverdueSweep sweep;

    HazardIntake(HazardLifecycle lifecycle, OverdueSweep sweep) {
        this.lifecycle = lifecycle;
        this.sweep = sweep;
    }

    /**
     * Records a found hazard: routes it to its micro-grid, sets the deadline from the category and
     * writes the timeline. The caller has checked the user's right to inspect.
     *
     * @param byUserId the finder's user id, recorded and named in the timeline; null for the system
     * @throws HazardRefused naming the field when the report is incomplete or wrong
     */
    public ReportedHazard report(HazardReport report, UUID byUserId) {
        Hazard hazard = lifecycle.report(report, lifecycle.onBehalfOf(byUserId, SYSTEM), byUserId).hazard();
        return new ReportedHazard(hazard.id(), hazard.number());
    }

    /**
     * Demo history only: files a hazard found in the past like {@link #report}, but tells nobody —
     * those people were told back then.
     */
    public ReportedHazard reportInThePast(HazardReport report, UUID byUserId) {
        Hazard hazard = lifecycle.report(report, lifecycle.onBehalfOf(byUserId, SYSTEM), byUserId, false).hazard();
        return new ReportedHazard(hazard.id(), hazard.number());
    }

    /**
     * Demo history only: an open hazard past its deadline is marked overdue at the deadline and
     * escalated after the configured delay, silently, as the sweep would have done at the time.
     */
    public void overdueInThePast(UUID hazardId) {
        sweep.overdueInThePast(hazardId);
    }

    /**
     * Demo history only: walks a hazard through order → rectifying → evidence → re-inspection →
     * closed at the given past times, with the real transitions; nobody is told again today.
     */
    public void rectifyInThePast(UUID hazardId, Instant orderedAt, Instant evidenceAt, Instant closedAt) {
        lifecycle.rectifyInThePast(hazardId, orderedAt, evidenceAt, closedAt, SYSTEM);
    }
}

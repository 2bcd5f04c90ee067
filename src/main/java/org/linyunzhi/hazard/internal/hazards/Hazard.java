package org.linyunzhi.hazard.internal.hazards;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.linyunzhi.hazard.HazardLevel;

/**
 * A hazard (隐患), the aggregate that guards its own lifecycle: every business method checks the
 * move against {@link HazardAction}'s table and the actor's permission, changes the state and
 * appends a timeline entry. The repository saves it under optimistic locking ({@code version}).
 */
final class Hazard {

    /** What does not change after filing. */
    record Filed(UUID id, String number, String title, String description, String categoryCode, int catalogueVersion,
                 String classCode, HazardLevel level, HazardSource source, String sourceRef, UUID campaignId,
                 UUID inspectionId, UUID placeId, String responsibleParty, String department, double lon, double lat,
                 String regionCode, String regionName, Instant foundAt, UUID foundBy, String foundByName,
                 boolean upstream) {
    }

    private final Filed filed;
    private final int version;
    private HazardStatus status;
    private Instant orderedAt;
    private Instant deadline;
    private String evidenceNote;
    private Instant evidenceAt;
    private String rejectReason;
    private Instant closedAt;
    private boolean overdue;
    private Instant overdueAt;
    private HazardLevel escalatedTo;
    private Instant escalatedAt;
    private final List<TimelineEntry> newEntries = new ArrayList<>();

    Hazard(Filed filed, int version, HazardStatus status, Instant orderedAt, Instant deadline, String evidenceNote,
           Instant evidenceAt, String rejectReason, Instant closedAt, boolean overdue, Instant overdueAt,
           HazardLevel escalatedTo, Instant escalatedAt) {
        this.filed = filed;
        this.version = version;
        this.status = status;
        this.orderedAt = orderedAt;
        this.deadline = deadline;
        this.evidenceNote = evidenceNote;
        this.evidenceAt = evidenceAt;
        this.rejectReason = rejectReason;
        this.closedAt = closedAt;
        this.overdue = overdue;
        this.overdueAt = overdueAt;
        this.escalatedTo = escalatedTo;
        this.escalatedAt = escalatedAt;
    }

    /** A newly found hazard with the deadline its category's time limit gives. */
    static Hazard report(Filed filed, Instant deadline, Actor by) {
        check(HazardAction.REPORT, null, by);
        Hazard hazard = new Hazard(filed, 0, HazardStatus.FOUND, null, deadline, null, null, null, null, false, null,
                null, null);
        hazard.record(by, HazardAction.REPORT, null, HazardStatus.FOUND, filed.upstream() ? "upstream" : null,
                filed.foundAt());
        return hazard;
    }

    /** 下达整改通知: the responsible party is told what to rectify by when. */
    void order(Actor by, String note, Instant now) {
        move(HazardAction.ORDER, by, note, now);
        orderedAt = now;
    }

    void startRectifying(Actor by, String note, Instant now) {
        move(HazardAction.START, by, note, now);
    }

    void submitEvidence(Actor by, String note, Instant now) {
        move(HazardAction.SUBMIT_EVIDENCE, by, note, now);
        evidenceNote = note;
        evidenceAt = now;
    }

    /** Re-inspection passed: the hazard is removed and closed. */
    void verifyRectification(Actor by, String note, Instant now) {
        move(HazardAction.PASS, by, note, now);
        closedAt = now;
    }

    /** Re-inspection failed: back to rectification, the reason stated. */
    void rejectRectification(Actor by, String reason, Instant now) {
        move(HazardAction.FAIL, by, reason, now);
        rejectReason = reason;
    }

    /** The deadline passed while open; false (nothing done) when already marked, closed or not yet due. */
    boolean markOverdue(Actor system, Instant now) {
        if (overdue || !status.isOpen() || deadline == null || deadline.isAfter(now)) {
            return false;
        }
        move(HazardAction.OVERDUE, system, null, now);
        overdue = true;
        overdueAt = now;
        return true;
    }

    /** Hands an overdue hazard to the body one level up; false when already escalated or not overdue. */
    boolean escalate(Actor system, Instant now) {
        if (!overdue || escalatedTo != null || !status.isOpen()) {
            return false;
        }
        HazardLevel to = filed.level().above();
        move(HazardAction.ESCALATE, system, String.valueOf(to.number()), now);
        escalatedTo = to;
        escalatedAt = now;
        return true;
    }

    private void move(HazardAction action, Actor by, String comment, Instant now) {
        check(action, status, by);
        if (by.department() != null && (action == HazardAction.ORDER || action == HazardAction.PASS
                || action == HazardAction.FAIL) && !by.department().equals(filed.department())) {
            throw HazardRefused.forbidden("hazard.error.otherDepartment");
        }
        HazardStatus from = status;
        status = action.leadsFrom(status);
        record(by, action, from, status, comment, now);
    }

    private static void check(HazardAction action, HazardStatus status, Actor by) {
        if (!by.can(action.permission())) {
            throw HazardRefused.forbidden("hazard.error.permission");
        }
        if (status != null && !action.allowedFrom(status)) {
            throw HazardRefused.notInState(action, status);
        }
    }

    private void record(Actor by, HazardAction action, HazardStatus from, HazardStatus to, String comment, Instant at) {
        newEntries.add(new TimelineEntry(at, by.userId(), by.name(), action, from, to, comment));
    }

    /** The actions open to this actor now, for pages to offer. */
    List<HazardAction> actionsFor(Actor actor) {
        List<HazardAction> open = new ArrayList<>();
        for (HazardAction action : HazardAction.values()) {
            if (action.byPeople() && action.allowedFrom(status) && actor.userId() != null && actor.can(action.permission())
                    && (actor.department() == null || action == HazardAction.START
                    || action == HazardAction.SUBMIT_EVIDENCE || actor.department().equals(filed.department()))) {
                open.add(action);
            }
        }
        return open;
    }

    List<TimelineEntry> newEntries() {
        return newEntries;
    }

    Filed filed() {
        return filed;
    }

    UUID id() {
        return filed.id();
    }

    String number() {
        return filed.number();
    }

    int version() {
        return version;
    }

    HazardStatus status() {
        return status;
    }

    Instant orderedAt() {
        return orderedAt;
    }

    Instant deadline() {
        return deadline;
    }

    String evidenceNote() {
        return evidenceNote;
    }

    Instant evidenceAt() {
        return evidenceAt;
    }

    String rejectReason() {
        return rejectReason;
    }

    Instant closedAt() {
        return closedAt;
    }

    boolean overdue() {
        return overdue;
    }

    Instant overdueAt() {
        return overdueAt;
    }

    HazardLevel escalatedTo() {
        return escalatedTo;
    }

    Instant escalatedAt() {
        return escalatedAt;
    }
}

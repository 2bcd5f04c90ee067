package org.linyunzhi.hazard.internal.hazards;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.Location;
import org.linyunzhi.hazard.HazardEvents;
import org.linyunzhi.hazard.HazardLevel;
import org.linyunzhi.hazard.internal.catalogue.Catalogue;
import org.linyunzhi.hazard.internal.catalogue.Category;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.identity.UserDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the hazard lifecycle for people and timers: loads the hazard within the actor's data scope
 * (outside it the hazard is "not found"), lets the aggregate decide, saves under optimistic locking,
 * and publishes the past-tense events in the same transaction (Modulith's outbox keeps them).
 */
@Service
class HazardLifecycle {

    /** A finding dated this far ahead of the server's clock is a typing error, not a skewed phone clock. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private final Hazards hazards;
    private final Catalogue catalogue;
    private final GridApi grid;
    private final UserDirectory users;
    private final DeadlinePolicy deadlines;
    private final HazardPhotos photos;
    private final HazardRecipients recipients;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    HazardLifecycle(Hazards hazards, Catalogue catalogue, GridApi grid, UserDirectory users, DeadlinePolicy deadlines,
                    HazardPhotos photos, HazardRecipients recipients, ApplicationEventPublisher publisher,
                    ObjectProvider<Clock> clock) {
        this.hazards = hazards;
        this.catalogue = catalogue;
        this.grid = grid;
        this.users = users;
        this.deadlines = deadlines;
        this.photos = photos;
        this.recipients = recipients;
        this.publisher = publisher;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The signed-in person as an actor; a department officer acts for the department their scope is bound to. */
    Actor actor(CurrentUser user) {
        String department = null;
        if (user.scope().kind() == DataScope.Kind.DEPARTMENT) {
            department = users.byId(user.id()).map(UserDirectory.Person::departmentName).orElse("?");
        }
        return new Actor(user.id(), user.displayName(), user.permissions(), user.scope(), department);
    }

    /** An actor for a module calling in on behalf of a user (inspection): the user's name, no permission check. */
    Actor onBehalfOf(UUID userId, String fallbackName) {
        String name = userId == null ? fallbackName
                : users.byId(userId).map(UserDirectory.Person::displayName).orElse(fallbackName);
        return new Actor(null, name, java.util.Set.of(), DataScope.all(), null);
    }

    /**
     * Files a found hazard: checks what was typed, routes the point to its micro-grid, takes the level
     * and deadline from the category, stores it with its photos and tells the handling body. A repeat of
     * an event's external id answers the hazard filed the first time.
     *
     * @param finder the user id recorded as finder (may be null for a system source)
     */
    /** The hazard a report filed, and whether it is new (false: an event's external id seen before). */
    record Filing(Hazard hazard, boolean created) {
    }

    @Transactional
    Filing report(HazardReport report, Actor actor, UUID finder) {
        return report(report, actor, finder, true);
    }

    /**
     * @param announce false for history (the demo's past year): people were told back then, so a
     *                 start-up must not fill today's inboxes with months-old news
     */
    @Transactional
    Filing report(HazardReport report, Actor actor, UUID finder, boolean announce) {
        HazardSource source = HazardRules.source(report.source());
        String sourceRef = HazardRules.blankToNull(report.sourceRef());
        if (source == HazardSource.EVENT) {
            if (sourceRef == null) {
                throw HazardRefused.badInput("sourceRef", "hazard.error.sourceRefRequired");
            }
            Optional<Hazard> earlier = hazards.findByEventRef(sourceRef);
            if (earlier.isPresent()) {
                return new Filing(earlier.get(), false);
            }
        }
        HazardRules.checkReport(report);
        Category category = catalogue.category(report.categoryCode().strip())
                .filter(Category::active)
                .orElseThrow(() -> HazardRefused.badInput("categoryCode", "hazard.error.categoryUnknown",
                        report.categoryCode()));
        HazardLevel level = report.level() == null ? category.defaultLevel() : HazardLevel.of(report.level());
        Location at = grid.placeOf(report.lon(), report.lat());
        if (!at.found()) {
            throw HazardRefused.badInput("lon", "hazard.error.outsideTown");
        }
        if (!actor.covers(at.microGrid().code())) {
            throw HazardRefused.badInput("lon", "hazard.error.outsideScope");
        }
        Instant now = now();
        Instant foundAt = report.foundAt() == null ? now : report.foundAt().truncatedTo(ChronoUnit.MILLIS);
        if (foundAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw HazardRefused.badInput("foundAt", "hazard.error.foundInFuture");
        }
        Hazard.Filed filed = new Hazard.Filed(UUID.randomUUID(), hazards.nextNumber(foundAt), report.title().strip(),
                HazardRules.blankToNull(report.description()), category.code(), category.catalogueVersion(),
                category.classCode(), level, source, sourceRef, report.campaignId(), report.inspectionId(),
                report.placeId(), HazardRules.blankToNull(report.responsibleParty()), category.department(),
                report.lon(), report.lat(), at.microGrid().code(), at.microGrid().name(), foundAt, finder,
                actor.name(), level == HazardLevel.ABOVE_TOWN);
        Hazard hazard = Hazard.report(filed, deadlines.deadline(foundAt, category.timeLimitDays()), actor);
        if (!hazards.insert(hazard)) {
            // the same external id was filed by a concurrent request a moment ago
            return new Filing(hazards.findByEventRef(sourceRef).orElseThrow(HazardRefused::stale), false);
        }
        photos.attach(report.photoIds(), filed.id(), HazardPhotos.Stage.FOUND, "photos", finder);
        if (!announce) {
            return new Filing(hazard, true);
        }
        // the finder knows already: the handling body of the level is told
        publisher.publishEvent(new HazardEvents.HazardReported(filed.id(), filed.number(), filed.title(),
                filed.categoryCode(), level.number(), filed.regionCode(), source.name(), filed.upstream(),
                hazard.deadline(), recipients.forLevel(level, filed.regionCode(), null), now));
        return new Filing(hazard, true);
    }

    /** A photo as uploaded with a page's form, stored in the same transaction as the step it belongs to. */
    record Upload(byte[] content, String fileName) {
    }

    /** A page's report: its photos and the hazard are written together or not at all. */
    @Transactional
    Filing report(HazardReport report, List<Upload> uploads, Actor actor, UUID finder) {
        List<UUID> ids = store(uploads, HazardPhotos.Stage.FOUND, finder);
        return report(new HazardReport(report.title(), report.description(), report.categoryCode(), report.level(),
                report.source(), report.sourceRef(), report.campaignId(), report.inspectionId(), report.placeId(),
                report.responsibleParty(), report.lon(), report.lat(), ids, report.foundAt()), actor, finder);
    }

    /** A page's evidence: photos and the step together or not at all. */
    @Transactional
    Hazard submitEvidenceWithUploads(UUID id, Integer version, CurrentUser user, String note, List<Upload> uploads) {
        return submitEvidence(id, version, user, note, store(uploads, HazardPhotos.Stage.EVIDENCE, user.id()));
    }

    private List<UUID> store(List<Upload> uploads, HazardPhotos.Stage stage, UUID by) {
        if (uploads.size() > HazardPhotos.MAX_PER_STEP) {
            throw HazardRefused.badInput("photos", "hazard.error.photoCount", HazardPhotos.MAX_PER_STEP);
        }
        List<UUID> ids = new java.util.ArrayList<>();
        for (Upload u : uploads) {
            ids.add(photos.store(u.content(), u.fileName(), stage, by, "photos"));
        }
        return ids;
    }

    @Transactional
    Hazard order(UUID id, Integer version, CurrentUser user, String note) {
        HazardRules.checkNote(note, "note", false);
        return change(id, version, user, (h, a) -> h.order(a, HazardRules.blankToNull(note), now()));
    }

    @Transactional
    Hazard startRectifying(UUID id, Integer version, CurrentUser user, String note) {
        HazardRules.checkNote(note, "note", false);
        return change(id, version, user,
                (h, a) -> h.startRectifying(a, HazardRules.blankToNull(note), now()));
    }

    @Transactional
    Hazard submitEvidence(UUID id, Integer version, CurrentUser user, String note, List<UUID> photoIds) {
        HazardRules.checkNote(note, "note", true);
        if (photoIds == null || photoIds.isEmpty()) {
            throw HazardRefused.badInput("photos", "hazard.error.evidencePhotoRequired");
        }
        Hazard hazard = change(id, version, user,
                (h, a) -> h.submitEvidence(a, note.strip(), now()));
        photos.attach(photoIds, id, HazardPhotos.Stage.EVIDENCE, "photos", user.id());
        return hazard;
    }

    @Transactional
    Hazard verify(UUID id, Integer version, CurrentUser user, boolean passed, String note) {
        HazardRules.checkNote(note, passed ? "note" : "reason", !passed);
        Hazard hazard = change(id, version, user, (h, a) -> {
            if (passed) {
                h.verifyRectification(a, HazardRules.blankToNull(note), now());
            } else {
                h.rejectRectification(a, note.strip(), now());
            }
        });
        if (passed) {
            publishClosed(hazard);
        }
        return hazard;
    }

    /** The overdue sweep found the deadline passed: marks it once and tells the level's handling body. */
    @Transactional
    boolean markOverdue(UUID id, String systemName) {
        Instant now = now();
        Hazard hazard = hazards.find(id, DataScope.all()).orElseThrow(HazardRefused::notFound);
        if (!hazard.markOverdue(Actor.system(systemName), now) || !hazards.update(hazard, now)) {
            return false;
        }
        Hazard.Filed f = hazard.filed();
        publisher.publishEvent(new HazardEvents.HazardOverdue(f.id(), f.number(), f.title(), f.level().number(),
                f.regionCode(), hazard.deadline(), recipients.forLevel(f.level(), f.regionCode(), f.foundBy()), now));
        return true;
    }

    /** Overdue beyond the escalation delay: hands the hazard to the body one level up, once. */
    @Transactional
    boolean escalate(UUID id, String systemName) {
        Instant now = now();
        Hazard hazard = hazards.find(id, DataScope.all()).orElseThrow(HazardRefused::notFound);
        if (!hazard.escalate(Actor.system(systemName), now) || !hazards.update(hazard, now)) {
            return false;
        }
        Hazard.Filed f = hazard.filed();
        HazardLevel to = hazard.escalatedTo();
        publisher.publishEvent(new HazardEvents.HazardEscalated(f.id(), f.number(), f.title(), f.level().number(),
                to.number(), f.regionCode(), hazard.deadline(), recipients.forLevel(to, f.regionCode(), f.foundBy()),
                now));
        return true;
    }

    /**
     * Demo history: walks a hazard through order, rectifying, evidence and a passed re-inspection at
     * the given past instants, through the same transitions and timeline as people use.
     */
    @Transactional
    void rectifyInThePast(UUID hazardId, Instant orderedAt, Instant evidenceAt, Instant closedAt, String actorName) {
        Actor system = Actor.system(actorName);
        Hazard hazard = hazards.find(hazardId, DataScope.all()).orElseThrow(HazardRefused::notFound);
        hazard.order(system, null, orderedAt);
        hazard.startRectifying(system, null, orderedAt);
        hazard.submitEvidence(system, "rectified", evidenceAt);
        hazard.verifyRectification(system, null, closedAt);
        if (!hazards.update(hazard, closedAt)) {
            throw HazardRefused.stale();
        }
    }

    /**
     * Demo history: an open hazard whose deadline passed long ago was marked overdue at its deadline
     * and escalated a delay later, as the sweep would have done then; nobody is told again today.
     */
    @Transactional
    void overdueInThePast(UUID hazardId, Duration escalationDelay, String actorName) {
        Actor system = Actor.system(actorName);
        Hazard hazard = hazards.find(hazardId, DataScope.all()).orElseThrow(HazardRefused::notFound);
        Instant overdueAt = hazard.deadline();
        if (overdueAt == null || !hazard.markOverdue(system, overdueAt)) {
            return;
        }
        Instant escalateAt = overdueAt.plus(escalationDelay);
        Instant last = escalateAt.isBefore(now()) && hazard.escalate(system, escalateAt) ? escalateAt : overdueAt;
        if (!hazards.update(hazard, last)) {
            throw HazardRefused.stale();
        }
    }

    private void publishClosed(Hazard hazard) {
        Hazard.Filed f = hazard.filed();
        boolean onTime = hazard.deadline() == null || !hazard.closedAt().isAfter(hazard.deadline());
        publisher.publishEvent(new HazardEvents.HazardClosed(f.id(), f.number(), f.title(), f.level().number(),
                f.regionCode(), f.campaignId(), onTime,
                recipients.forLevel(f.level(), f.regionCode(), f.foundBy()), hazard.closedAt()));
    }

    /** Loads in scope, checks the version the person saw, applies the move and saves unless someone was faster. */
    private Hazard change(UUID id, Integer version, CurrentUser user, BiConsumer<Hazard, Actor> move) {
        Hazard hazard = hazards.find(id, user.scope()).orElseThrow(HazardRefused::notFound);
        if (version != null && version != hazard.version()) {
            throw HazardRefused.stale();
        }
        move.accept(hazard, actor(user));
        if (!hazards.update(hazard, now())) {
            throw HazardRefused.stale();
        }
        return hazard;
    }
}

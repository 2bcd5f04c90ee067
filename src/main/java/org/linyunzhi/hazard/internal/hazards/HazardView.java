package org.linyunzhi.hazard.internal.hazards;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A hazard as the API and pages show it. {@code version} goes back with the next action
 * (optimistic locking); {@code actions} are the moves open to the reader now.
 */
public record HazardView(UUID id, String number, String title, String description, String categoryCode,
                         String categoryName, int catalogueVersion, String classCode, int level, String levelColour,
                         HazardStatus status, HazardSource source, String sourceRef, UUID campaignId,
                         UUID inspectionId, UUID placeId, String responsibleParty, String department, double lon,
                         double lat, String regionCode, String regionName, Instant foundAt, String foundByName,
                         Instant orderedAt, Instant deadline, String evidenceNote, Instant evidenceAt,
                         String rejectReason, Instant closedAt, boolean overdue, Integer escalatedTo, boolean upstream,
                         int version, List<HazardAction> actions, List<TimelineEntry> timeline,
                         List<HazardPhotos.Photo> photos) {

    static HazardView of(Hazard h, String categoryName, List<HazardAction> actions, List<TimelineEntry> timeline,
                         List<HazardPhotos.Photo> photos) {
        Hazard.Filed f = h.filed();
        return new HazardView(f.id(), f.number(), f.title(), f.description(), f.categoryCode(), categoryName,
                f.catalogueVersion(), f.classCode(), f.level().number(), f.level().colour(), h.status(), f.source(),
                f.sourceRef(), f.campaignId(), f.inspectionId(), f.placeId(), f.responsibleParty(), f.department(),
                f.lon(), f.lat(), f.regionCode(), f.regionName(), f.foundAt(), f.foundByName(), h.orderedAt(),
                h.deadline(), h.evidenceNote(), h.evidenceAt(), h.rejectReason(), h.closedAt(), h.overdue(),
                h.escalatedTo() == null ? null : h.escalatedTo().number(), f.upstream(), h.version(), actions, timeline,
                photos);
    }

    /** For lists: no timeline, photos or actions. */
    static HazardView brief(Hazard h, String categoryName) {
        return of(h, categoryName, List.of(), List.of(), List.of());
    }
}

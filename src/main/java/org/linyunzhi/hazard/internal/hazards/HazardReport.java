package org.linyunzhi.hazard.internal.hazards;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A found hazard as the finder files it (inspection, grid report, event). {@code level} null takes
 * the category's default; {@code foundAt} null means now (demo history passes the past).
 * {@code photoIds} are photos stored beforehand with {@link HazardPhotos#store} by the same user.
 */
public record HazardReport(String title, String description, String categoryCode, Integer level,
                           String source, String sourceRef, UUID campaignId, UUID inspectionId, UUID placeId,
                           String responsibleParty, double lon, double lat, List<UUID> photoIds, Instant foundAt) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 2000;
    public static final int MAX_PARTY = 200;
    public static final int MAX_REF = 128;
}

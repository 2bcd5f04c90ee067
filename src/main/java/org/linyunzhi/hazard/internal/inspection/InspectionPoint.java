package org.linyunzhi.hazard.internal.inspection;

import java.time.Instant;
import java.util.UUID;

/** A place a campaign inspects, copied from the registry when the campaign was created. */
record InspectionPoint(UUID id, UUID campaignId, UUID placeId, String name, String address, double lon, double lat,
                       String regionCode, Instant inspectedAt, String result, int visits) {
}

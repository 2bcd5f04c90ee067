package org.linyunzhi.hazard.internal.hazards;

/**
 * What a hazard list is narrowed to; null fields do not filter. {@code region} is a region code
 * prefix (a village, a grid); {@code sort} one of the whitelisted keys of {@link HazardSearch}.
 */
public record HazardFilter(String classCode, String categoryCode, Integer level, HazardStatus status, Boolean overdue,
                           String region, Boolean upstream, java.util.UUID campaignId, String q, String sort) {

    public static HazardFilter none() {
        return new HazardFilter(null, null, null, null, null, null, null, null, null, null);
    }

    HazardFilter upstreamOnly() {
        return new HazardFilter(classCode, categoryCode, level, status, overdue, region, true, campaignId, q, sort);
    }
}

package org.linyunzhi.resource;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What other modules (the one map, hazards, events) use of the emergency resources. Answers are
 * not limited by a caller's data scope: resources serve the whole town in an emergency, and the
 * caller decides what to show to whom.
 */
public interface ResourceApi {

    /**
     * The k nearest resources of a kind to a WGS-84 point, nearest first, with true distances in
     * metres (GiST KNN on the PostgreSQL point, re-ranked by great-circle distance).
     *
     * @throws IllegalArgumentException when lon/lat are out of range or k is not 1..100
     */
    List<NearbyResource> nearest(double lon, double lat, ResourceKind kind, int k);

    /**
     * Resources of the kinds inside a lon/lat box, for map layers, at most {@code limit}
     * (kinds in enum order, then by name).
     *
     * @throws IllegalArgumentException when the box is out of range or inverted, or limit is not 1..10000
     */
    List<ResourcePlace> within(double west, double south, double east, double north, Set<ResourceKind> kinds,
                               int limit);

    /**
     * Records that a resource was sent to a hazard or an event; returns the dispatch id. A rescue
     * team becomes DEPLOYED until the dispatch is closed.
     *
     * @param targetKind HAZARD or EVENT
     * @throws IllegalArgumentException when the resource is unknown, the target kind is not HAZARD or
     *                                  EVENT, or the resource is already out on another dispatch
     */
    UUID dispatch(UUID resourceId, String targetKind, UUID targetId, String note, UUID byUserId);
}

package org.linyunzhi.resource.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.resource.NearbyResource;
import org.linyunzhi.resource.ResourceApi;
import org.linyunzhi.resource.ResourceKind;
import org.linyunzhi.resource.ResourcePlace;
import org.springframework.stereotype.Service;

/** {@link ResourceApi} for other modules: the whole town, whoever asks (see the interface). */
@Service
class ResourceDirectory implements ResourceApi {

    private final Places places;
    private final Dispatches dispatches;

    ResourceDirectory(Places places, Dispatches dispatches) {
        this.places = places;
        this.dispatches = dispatches;
    }

    @Override
    public List<NearbyResource> nearest(double lon, double lat, ResourceKind kind, int k) {
        return places.nearest(lon, lat, kind, k, DataScope.all());
    }

    @Override
    public List<ResourcePlace> within(double west, double south, double east, double north, Set<ResourceKind> kinds,
                                      int limit) {
        return places.within(west, south, east, north, kinds, limit, DataScope.all());
    }

    @Override
    public UUID dispatch(UUID resourceId, String targetKind, UUID targetId, String note, UUID byUserId) {
        return dispatches.dispatch(resourceId, targetKind, targetId, note, byUserId, DataScope.all());
    }
}

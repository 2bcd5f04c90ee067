package org.linyunzhi.hazard.internal.onemap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linyunzhi.resource.NearbyResource;
import org.linyunzhi.resource.ResourceApi;
import org.linyunzhi.resource.ResourceKind;
import org.springframework.stereotype.Component;

/** The nearest rescue teams, shelters and warehouses to a point, three of each, nearest first. */
@Component
class NearestResources {

    static final int PER_KIND = 3;

    private final ResourceApi resources;

    NearestResources(ResourceApi resources) {
        this.resources = resources;
    }

    record Nearby(String id, String kind, String name, String status, String summary, double lon, double lat,
                  long metres) {
        static Nearby of(NearbyResource r) {
            var p = r.place();
            return new Nearby(p.id().toString(), p.kind().name(), p.name(), p.status(), p.summary(), p.lon(), p.lat(),
                    Math.round(r.metres()));
        }
    }

    /** Kind → the nearest of that kind; every kind is present, empty when the town has none. */
    Map<String, List<Nearby>> around(double lon, double lat) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180) {
            throw new BadMapInput("lon", "onemap.error.coordinate", lon);
        }
        if (lat < -90 || lat > 90) {
            throw new BadMapInput("lat", "onemap.error.coordinate", lat);
        }
        Map<String, List<Nearby>> out = new LinkedHashMap<>();
        for (ResourceKind kind : ResourceKind.values()) {
            out.put(kind.name(), resources.nearest(lon, lat, kind, PER_KIND).stream().map(Nearby::of).toList());
        }
        return out;
    }
}

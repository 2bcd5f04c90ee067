package org.linyunzhi.grid.internal;

import java.util.UUID;
import org.linyunzhi.grid.DedicatedType;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.grid.VillageKind;

/** A row of the region tree with what pages and the API show of it (not its polygon). */
record StoredNode(UUID id, String code, String name, RegionLevel level, VillageKind villageKind,
                  DedicatedType dedicatedType, String parentCode, double minLon, double minLat,
                  double maxLon, double maxLat, double centroidLon, double centroidLat, double areaM2,
                  int version, int childCount) {

/** The node as other modules see it. */
    RegionNode toRegionNode() {
        return new RegionNode(code, name, level, villageKind, dedicatedType, parentCode);
    }

/** [minLon, minLat, maxLon, maxLat], the order Leaflet and GeoJSON use. */
    double[] bbox() {
        return new double[] {minLon, minLat, maxLon, maxLat};
    }

/** [lon, lat]. */
    double[] centroid() {
        return new double[] {centroidLon, centroidLat};
    }
}

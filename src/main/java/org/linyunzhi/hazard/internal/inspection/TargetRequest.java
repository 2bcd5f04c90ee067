package org.linyunzhi.hazard.internal.inspection;

import java.util.Set;

/**
 * Which registry places a campaign inspects, as the officer chose them; blank fields do not filter.
 *
 * @param kind            HOUSE or ORGANISATION, or blank for both
 * @param orgTypes        organisation types (ACCOMMODATION, RESTAURANT…)
 * @param regionCode      a subtree of the region tree
 * @param area            a GeoJSON Polygon or MultiPolygon drawn on the map (a Feature holding one is accepted)
 * @param nearWaterMetres only places this close to a river or water area of the base map
 */
record TargetRequest(String kind, Set<String> orgTypes, String houseUse, Boolean rented, String regionCode,
                     String area, Double nearWaterMetres) {

    static TargetRequest empty() {
        return new TargetRequest(null, null, null, null, null, null, null);
    }
}

package org.linyunzhi.registry;

import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * Which places to pick; null or empty fields do not filter. Geometries are WGS-84 lon/lat (JTS).
 *
 * @param regionCode a subtree: the places whose micro-grid code starts with it
 * @param within     e.g. a polygon drawn on the map
 * @param near       e.g. rivers; with {@code nearMetres}, the places at most that far from it
 */
public record PlaceFilter(PlaceKind kind, Set<String> orgTypes, String houseUse, Boolean rented, String regionCode,
                          Geometry within, Geometry near, Double nearMetres) {

    /** Every place of a kind (null: both kinds). */
    public static PlaceFilter of(PlaceKind kind) {
        return new PlaceFilter(kind, null, null, null, null, null, null, null);
    }
}

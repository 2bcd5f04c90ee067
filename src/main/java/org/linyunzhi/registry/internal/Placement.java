package org.linyunzhi.registry.internal;

import java.util.Optional;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.Location;
import org.linyunzhi.grid.RegionLevel;
import org.springframework.stereotype.Component;

/**
 * Where a place belongs: the micro-grid GridApi routes its point to. A dedicated micro-grid wins
 * in routing, so a place inside one gets that code as its region (and as its dedicated region);
 * both codes share the grid's prefix, so data scopes treat it the same either way.
 */
@Component
class Placement {

    private final GridApi grid;

    Placement(GridApi grid) {
        this.grid = grid;
    }

    /** Empty when no micro-grid of the town holds the point. */
    Optional<Place> of(double lon, double lat) {
        Location at = grid.placeOf(lon, lat);
        if (!at.found()) {
            return Optional.empty();
        }
        String code = at.microGrid().code();
        boolean dedicated = at.microGrid().level() == RegionLevel.DEDICATED_MICRO_GRID;
        return Optional.of(new Place(code, dedicated ? code : null, at));
    }

    static boolean inRange(double lon, double lat) {
        return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
    }

    record Place(String regionCode, String dedicatedRegionCode, Location location) {
    }
}

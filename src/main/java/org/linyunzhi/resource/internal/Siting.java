package org.linyunzhi.resource.internal;

import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.Location;
import org.linyunzhi.identity.DataScope;
import org.springframework.stereotype.Component;

/**
 * Where a resource belongs: the micro-grid holding its position (via the grid's spatial index),
 * which files it under that region. A point outside the town, or outside the area of the person
 * placing it, is refused: nobody may file a resource where they cannot see it afterwards.
 */
@Component
class Siting {

    private final GridApi grid;

    Siting(GridApi grid) {
        this.grid = grid;
    }

    String regionOf(Double lon, Double lat, DataScope scope) {
        if (lon == null) {
            throw ResourceRefused.badInput("lon", "resource.error.required");
        }
        if (lat == null) {
            throw ResourceRefused.badInput("lat", "resource.error.required");
        }
        GreatCircle.check(lon, lat);
        Location at = grid.placeOf(lon, lat);
        if (!at.found()) {
            throw ResourceRefused.badInput("lon", "resource.error.outsideTown", lon, lat);
        }
        String code = at.microGrid().code();
        if (!scope.coversRegion(code)) {
            throw ResourceRefused.badInput("lon", "resource.error.outsideScope", at.microGrid().name());
        }
        return code;
    }
}

package org.linyunzhi.grid;

import org.locationtech.jts.geom.Geometry;

/**
 * A river, canal or water area of the base map, for questions such as "every house within 50 m of a
 * river" (防汛排查).
 *
 * @param kind     RIVER (a centre line) or WATER (an area: the wide river's water, a pond)
 * @param geometry WGS-84 lon/lat degrees
 */
public record Waterway(String name, String kind, Geometry geometry) {
}

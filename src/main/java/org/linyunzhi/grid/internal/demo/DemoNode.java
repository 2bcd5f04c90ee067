package org.linyunzhi.grid.internal.demo;

import org.locationtech.jts.geom.Geometry;

/**
 * One node of the demo town's region tree as the import format describes it.
 *
 * @param level         TOWN, VILLAGE, GRID, MICRO_GRID or DEDICATED_MICRO_GRID
 * @param villageKind   COMMUNITY or VILLAGE for a village-level node, otherwise null
 * @param dedicatedType what a dedicated micro-grid is drawn around, otherwise null
 * @param geometry      lon/lat degrees on the 1e-7° grid
 */
record DemoNode(String code, String name, String level, String parentCode, String villageKind,
                String dedicatedType, Geometry geometry) {

    DemoNode withGeometry(Geometry g) {
        return new DemoNode(code, name, level, parentCode, villageKind, dedicatedType, g);
    }
}

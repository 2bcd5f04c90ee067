package org.linyunzhi.grid.internal;

import org.linyunzhi.grid.DedicatedType;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.VillageKind;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A node of a tree being validated: one feature of an upload, or a stored node the upload must fit
 * beside (its parent, its siblings). Geometry checks fill in the projected shape.
 */
final class TreeFeature {

    final int index;
    String code;
    final String name;
    final RegionLevel level;
    final String parentCode;
    final VillageKind villageKind;
    final DedicatedType dedicatedType;
    final Geometry lonLat;
    /** true for stored nodes that frame an upload; they are never reported on */
    final boolean stored;

    /** false once a problem makes the geometry unusable for area checks */
    boolean geometryUsable;
    Geometry metres;
    private PreparedGeometry prepared;
    private Geometry grown;
    private Geometry shrunk;

    TreeFeature(int index, String code, String name, RegionLevel level, String parentCode,
                VillageKind villageKind, DedicatedType dedicatedType, Geometry lonLat, boolean stored) {
        this.index = index;
        this.code = code;
        this.name = name;
        this.level = level;
        this.parentCode = parentCode;
        this.villageKind = villageKind;
        this.dedicatedType = dedicatedType;
        this.lonLat = lonLat;
        this.stored = stored;
        this.geometryUsable = lonLat != null;
    }

    PreparedGeometry prepared() {
        if (prepared == null) {
            prepared = PreparedGeometryFactory.prepare(metres);
        }
        return prepared;
    }

    /** The shape widened by the edge tolerance: what a child must lie inside. */
    Geometry grown(double edgeToleranceM) {
        if (grown == null) {
            grown = metres.buffer(edgeToleranceM);
        }
        return grown;
    }

    /** The shape narrowed by the edge tolerance: what a sibling must not reach into. */
    Geometry shrunk(double edgeToleranceM) {
        if (shrunk == null) {
            shrunk = metres.buffer(-edgeToleranceM);
        }
        return shrunk;
    }

    boolean isOrdinaryChild() {
        return level != RegionLevel.DEDICATED_MICRO_GRID;
    }
}

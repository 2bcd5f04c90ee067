package org.linyunzhi.grid.internal;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the stored frame an upload (or a single boundary edit) must fit into: a parent and its
 * children, as validator features.
 */
@Component
class StoredSurroundings {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RegionNodes nodes;

    StoredSurroundings(RegionNodes nodes) {
        this.nodes = nodes;
    }

    /** The stored parent and its stored children; no parent when the code is unknown. */
    TreeValidator.Surroundings of(String parentCode) {
        if (parentCode == null) {
            return TreeValidator.Surroundings.NONE;
        }
        List<RegionNodes.ShapeRow> rows = nodes.shapes(parentCode, null).stream()
                .filter(r -> r.code().equals(parentCode) || parentCode.equals(r.parentCode())).toList();
        TreeFeature parent = rows.stream().filter(r -> r.code().equals(parentCode)).findFirst()
                .map(StoredSurroundings::feature).orElse(null);
        List<TreeFeature> children = rows.stream().filter(r -> !r.code().equals(parentCode))
                .map(StoredSurroundings::feature).toList();
        return new TreeValidator.Surroundings(parent, children);
    }

    /** A stored node as a validator feature: index −1 and never reported on. */
    static TreeFeature feature(RegionNodes.ShapeRow row) {
        return new TreeFeature(-1, row.code(), row.name(), row.level(), row.parentCode(), row.villageKind(),
                row.dedicatedType(), parse(row.boundary()), true);
    }

    /** A stored boundary; it passed the import's checks, so a failure here is a bug, not bad input. */
    static Geometry parse(String boundary) {
        try {
            return GeoJson.read(JSON.readTree(boundary));
        } catch (GeoJson.FormatException e) {
            throw new IllegalStateException("stored boundary is not a polygon: " + e.type, e);
        }
    }
}

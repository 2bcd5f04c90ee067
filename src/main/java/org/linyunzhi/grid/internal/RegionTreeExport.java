package org.linyunzhi.grid.internal;

import org.linyunzhi.grid.RegionLevel;
import org.springframework.stereotype.Service;

/**
 * Writes a tree, or the subtree under a root, in the contract format the import reads, parents
 * before children, so an export imports back unchanged.
 */
@Service
class RegionTreeExport {

    private final RegionNodes nodes;

    RegionTreeExport(RegionNodes nodes) {
        this.nodes = nodes;
    }

    /** @param rootCode the subtree to write, or null for every town */
    String export(String rootCode) {
        StringBuilder out = new StringBuilder(1 << 20);
        out.append("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (RegionNodes.ShapeRow row : nodes.shapes(rootCode, null)) {
            if (!first) out.append(",\n");
            first = false;
            out.append("{\"type\":\"Feature\",\"geometry\":").append(row.boundary()).append(",\"properties\":{");
            Json.nodeIdentity(row, out);
            if (row.level() == RegionLevel.VILLAGE) {
                out.append(',');
                Json.field("villageKind", row.villageKind(), out);
            }
            if (row.level() == RegionLevel.DEDICATED_MICRO_GRID) {
                out.append(',');
                Json.field("dedicatedType", row.dedicatedType(), out);
            }
            out.append("}}");
        }
        return out.append("]}").toString();
    }
}

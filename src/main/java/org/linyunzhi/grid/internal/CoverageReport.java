package org.linyunzhi.grid.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linyunzhi.grid.RegionLevel;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.stereotype.Service;

/**
 * How well each node's children tile it: the holes (parts of the parent no child covers, where
 * nobody would be responsible) and the overlaps between siblings that must not overlap (where two
 * would be). Dedicated micro-grids lie inside ordinary ones by design and are left out of both,
 * except for overlaps among themselves.
 */
@Service
class CoverageReport {

    private final RegionNodes nodes;
    private final GridProperties properties;

    CoverageReport(RegionNodes nodes, GridProperties properties) {
        this.nodes = nodes;
        this.properties = properties;
    }

    record Hole(double areaM2, String geometry, double lon, double lat) {
    }

    record Overlap(String first, String second, double areaM2, String geometry) {
    }

    record ParentCoverage(String code, String name, RegionLevel level, int children, double areaM2,
                          double uncoveredM2, List<Hole> holes, List<Overlap> overlaps) {
    }

    record Report(String rootCode, int parentsChecked, List<ParentCoverage> parents) {
    }

    /** Parents under (and including) the root whose children leave holes or overlap. */
    Report of(String rootCode) {
        List<TreeFeature> all = nodes.shapes(rootCode, null).stream().map(StoredSurroundings::feature).toList();
        if (all.isEmpty()) {
            throw new NodeNotFoundException(rootCode);
        }
        // the first row is the root (rows come shallowest first): centre the projection on it
        LocalProjection projection = LocalProjection.around(all.get(0).lonLat);
        all.forEach(f -> f.metres = projection.toMetres(f.lonLat));
        Map<String, List<TreeFeature>> children = new LinkedHashMap<>();
        for (TreeFeature f : all) {
            if (f.parentCode != null) children.computeIfAbsent(f.parentCode, k -> new ArrayList<>()).add(f);
        }
        List<ParentCoverage> found = new ArrayList<>();
        int checked = 0;
        for (TreeFeature parent : all) {
            List<TreeFeature> kids = children.get(parent.code);
            if (kids == null) continue;
            checked++;
            List<TreeFeature> ordinary = kids.stream().filter(TreeFeature::isOrdinaryChild).toList();
            List<TreeFeature> dedicated = kids.stream().filter(k -> !k.isOrdinaryChild()).toList();
            // what the ordinary children cover together; what remains of the parent is nobody's
            Geometry covered = UnaryUnionOp.union(ordinary.stream().map(k -> k.metres).toList());
            Geometry uncovered = covered == null ? parent.metres : Overlay.difference(parent.metres, covered);
            List<Hole> holes = new ArrayList<>();
            for (Polygon p : GeoJson.polygons(uncovered)) {
                // slivers along edges that should coincide vanish when narrowed by the edge tolerance
                if (p.getArea() >= properties.minHoleM2() && !p.buffer(-properties.edgeToleranceM()).isEmpty()) {
                    Geometry lonLat = projection.toLonLat(p);
                    var at = lonLat.getInteriorPoint();
                    holes.add(new Hole(Math.round(p.getArea()), GeoJson.write(lonLat), at.getX(), at.getY()));
                }
            }
            List<Overlap> overlaps = new ArrayList<>();
            double edge = properties.edgeToleranceM();
            List<Overlay.Overlap> siblingOverlaps = new ArrayList<>(Overlay.overlaps(ordinary, edge, properties.overlapToleranceM2()));
            siblingOverlaps.addAll(Overlay.overlaps(dedicated, edge, properties.overlapToleranceM2()));
            for (Overlay.Overlap o : siblingOverlaps) {
                overlaps.add(new Overlap(o.first().code, o.second().code, Math.round(o.areaM2()),
                        GeoJson.write(projection.toLonLat(o.shared()))));
            }
            if (!holes.isEmpty() || !overlaps.isEmpty()) {
                found.add(new ParentCoverage(parent.code, parent.name, parent.level, kids.size(),
                        Math.round(parent.metres.getArea()), Math.round(uncovered.getArea()), holes, overlaps));
            }
        }
        return new Report(rootCode, checked, found);
    }
}

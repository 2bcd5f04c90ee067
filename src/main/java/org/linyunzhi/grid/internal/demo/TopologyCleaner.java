package org.linyunzhi.grid.internal.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;

/**
 * Turns polygons that tile an area only up to floating-point noise into an exact coverage in
 * lon/lat: neighbours share identical vertices, children are exact unions of faces, and every
 * coordinate sits on a 1e-7° grid (about 1 cm) so what is written is what was checked.
 * <p>
 * All edges are noded together once with snap-rounding and polygonized into faces; each face goes
 * to the polygon holding its interior point (a hairline gap goes to the nearest one). Parents built
 * with {@link #union} from these pieces then contain their children exactly, which is what the
 * import's "child inside parent" and "siblings do not overlap" rules need to hold with no slack.
 */
final class TopologyCleaner {

    /** 1e-7 degrees: about 1.1 cm north-south and 1 cm east-west at Linpu. */
    static final PrecisionModel DEGREES = new PrecisionModel(1e7);
    static final GeometryFactory FACTORY = new GeometryFactory(DEGREES, 4326);

    private TopologyCleaner() {
    }

    /** @param approximate polygons in lon/lat that nearly tile an area; @return exact ones, same order */
    static List<Geometry> clean(List<? extends Geometry> approximate) {
        List<Geometry> lines = new ArrayList<>();
        STRtree index = new STRtree();
        for (int i = 0; i < approximate.size(); i++) {
            Geometry g = approximate.get(i);
            lines.add(g.getBoundary());
            index.insert(g.getEnvelopeInternal(), i);
        }
        Geometry noded = UnaryUnionNG.union(lines, FACTORY, DEGREES);
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(noded);
        @SuppressWarnings("unchecked")
        Collection<Polygon> faces = polygonizer.getPolygons();

        List<List<Geometry>> owned = new ArrayList<>();
        approximate.forEach(a -> owned.add(new ArrayList<>()));
        for (Polygon face : faces) {
            owned.get(owner(face, approximate, index)).add(face);
        }
        List<Geometry> exact = new ArrayList<>();
        for (List<Geometry> pieces : owned) {
            exact.add(union(pieces));
        }
        return exact;
    }

    private static int owner(Polygon face, List<? extends Geometry> approximate, STRtree index) {
        Point inner = face.getInteriorPoint();
        @SuppressWarnings("unchecked")
        List<Integer> near = index.query(inner.getEnvelopeInternal());
        int best = -1;
        for (int i : near) {
            if (approximate.get(i).covers(inner) && (best < 0 || i < best)) {
                best = i;
            }
        }
        if (best >= 0) {
            return best;
        }
        // a hairline gap between two polygons: give it to the closest one
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < approximate.size(); i++) {
            double d = approximate.get(i).distance(inner);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /** The union of pieces that share exact edges; keeps every vertex, so children stay inside. */
    static Geometry union(List<? extends Geometry> pieces) {
        Geometry union = pieces.size() == 1 ? pieces.get(0).copy() : CoverageUnion.union(pieces.toArray(Geometry[]::new));
        // the union's rings may start at any vertex from run to run; normal form makes the output repeatable
        union.normalize();
        return union;
    }
}

package org.linyunzhi.grid.internal;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Area arithmetic on projected (metre) shapes with JTS's robust overlay, which survives the
 * near-coincident shared edges every tiling of neighbouring polygons has.
 */
final class Overlay {

    private Overlay() {
    }

    static Geometry difference(Geometry a, Geometry b) {
        return OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE);
    }

    static Geometry intersection(Geometry a, Geometry b) {
        return OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
    }

    /** Two siblings sharing more than the tolerance; {@code shared} is in metres. */
    record Overlap(TreeFeature first, TreeFeature second, Geometry shared, double areaM2) {
    }

    /**
     * Pairs of shapes that overlap by more than {@code toleranceM2} once edges within
     * {@code edgeToleranceM} of each other are taken as shared. An STRtree narrows the pairs to those
     * whose envelopes meet, prepared geometries reject the ones that merely touch.
     */
    static List<Overlap> overlaps(List<TreeFeature> shapes, double edgeToleranceM, double toleranceM2) {
        List<Overlap> found = new ArrayList<>();
        if (shapes.size() < 2) {
            return found;
        }
        STRtree tree = new STRtree();
        for (int i = 0; i < shapes.size(); i++) {
            tree.insert(shapes.get(i).metres.getEnvelopeInternal(), i);
        }
        for (int i = 0; i < shapes.size(); i++) {
            TreeFeature a = shapes.get(i);
            @SuppressWarnings("unchecked")
            List<Integer> candidates = tree.query(a.metres.getEnvelopeInternal());
            for (int j : candidates) {
                if (j <= i) continue;
                TreeFeature b = shapes.get(j);
                if (!a.prepared().intersects(b.metres)) continue;
                Geometry shared = intersection(a.metres, b.metres);
                if (shared.getArea() > toleranceM2
                        && intersection(a.shrunk(edgeToleranceM), b.metres).getArea() > toleranceM2) {
                    found.add(new Overlap(a, b, shared, shared.getArea()));
                }
            }
        }
        return found;
    }
}

package org.linyunzhi.grid.internal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The demo town's boundary: an irregular blob around the town centre whose eastern side follows
 * the Puyang River (浦阳江), as Linpu's does, sized to the area of a town like Linpu.
 *
 * @param town   the boundary in plane metres
 * @param puyang the Puyang River's centre line, running south to north just east of the town
 */
record TownOutline(Polygon town, LineString puyang) {

    /** Linpu covers somewhat under fifty square kilometres. */
    static final double AREA_M2 = 47.3e6;
    /** The river bank stays this far from the town's eastern edge: the water itself is not a grid. */
    private static final double BANK_M = 130;
    private static final int VERTICES = 160;
    private static final GeometryFactory METRES = new GeometryFactory();

    static TownOutline build(Random rnd) {
        LineString puyang = METRES.createLineString(Curves.smooth(Curves.through(rnd, 250,
                new Coordinate(2300, -7800), new Coordinate(2800, -3800), new Coordinate(2500, -1200),
                new Coordinate(2950, 1200), new Coordinate(2650, 3900), new Coordinate(3300, 7800)), 8)
                .toArray(Coordinate[]::new));
        Polygon westBank = westOf(puyang);
        double[] amplitude = {0, 0, 0.16, 0.09, 0.06, 0.045, 0.03, 0.025, 0.02};
        double[] phase = new double[amplitude.length];
        for (int k = 0; k < phase.length; k++) {
            phase[k] = rnd.nextDouble() * 2 * Math.PI;
        }
        double[] jitter = new double[VERTICES];
        for (int i = 0; i < VERTICES; i++) {
            jitter[i] = (rnd.nextDouble() - 0.5) * 0.03;
        }
        // the area grows with the radius; halve the interval until it is within a few square metres
        double low = 1000;
        double high = 10000;
        Polygon town = null;
        for (int iteration = 0; iteration < 50; iteration++) {
            double radius = (low + high) / 2;
            town = clipped(blob(radius, amplitude, phase, jitter), westBank);
            if (town.getArea() < AREA_M2) {
                low = radius;
            } else {
                high = radius;
            }
        }
        return new TownOutline(town, puyang);
    }

    private static Polygon blob(double radius, double[] amplitude, double[] phase, double[] jitter) {
        List<Coordinate> ring = new ArrayList<>();
        for (int i = 0; i < VERTICES; i++) {
            double theta = 2 * Math.PI * i / VERTICES;
            double r = 1 + jitter[i];
            for (int k = 2; k < amplitude.length; k++) {
                r += amplitude[k] * Math.sin(k * theta + phase[k]);
            }
            // a little longer north-south than east-west, like the strip of land along the river
            ring.add(new Coordinate(radius * r * Math.cos(theta), 1.2 * radius * r * Math.sin(theta)));
        }
        ring.add(new Coordinate(ring.get(0)));
        return METRES.createPolygon(ring.toArray(Coordinate[]::new));
    }

    /** Everything west of the Puyang River's centre line: where its tributaries end. */
    Polygon westOfPuyang() {
        return westOf(puyang, 0);
    }

    private static Polygon westOf(LineString river) {
        return westOf(river, BANK_M);
    }

    /** Everything west of the river, kept {@code bank} metres away from it. */
    private static Polygon westOf(LineString river, double bank) {
        List<Coordinate> ring = new ArrayList<>();
        Coordinate[] line = river.getCoordinates();
        ring.add(new Coordinate(-30000, line[0].y));
        for (Coordinate c : line) {
            ring.add(new Coordinate(c.x - bank, c.y));
        }
        ring.add(new Coordinate(-30000, line[line.length - 1].y));
        ring.add(new Coordinate(ring.get(0)));
        return METRES.createPolygon(ring.toArray(Coordinate[]::new));
    }

    private static Polygon clipped(Polygon blob, Polygon westBank) {
        Geometry g = OverlayNGRobust.overlay(blob, westBank, OverlayNG.INTERSECTION);
        return PolygonPartition.largestPart(g);
    }
}

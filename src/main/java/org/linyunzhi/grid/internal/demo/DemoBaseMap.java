package org.linyunzhi.grid.internal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * The offline base map of the demo town: rivers, canals, ponds and main roads, enough to find
 * one's way on the grid map without an internet tile service. The Puyang River runs along the
 * eastern edge, the Zhishan River (峙山河) across the town centre into it.
 */
final class DemoBaseMap {

    /**
     * One base-map feature.
     *
     * @param kind     RIVER (centre line), WATER (area) or ROAD
     * @param name     what people call it
     * @param detail   road class (MOTORWAY, PRIMARY, SECONDARY) or river width in metres, for styling
     * @param geometry lon/lat degrees
     */
    record Feature(String kind, String name, String detail, Geometry geometry) {
    }

    private static final GeometryFactory METRES = new GeometryFactory();

    private DemoBaseMap() {
    }

    static List<Feature> draw(TownOutline outline, Random rnd) {
        List<Feature> out = new ArrayList<>();
        Geometry puyangWater = outline.puyang().buffer(120, 8, BufferParameters.CAP_FLAT);
        out.add(feature("WATER", "浦阳江", "240", puyangWater));
        out.add(feature("RIVER", "浦阳江", "240", outline.puyang()));
        Geometry westBank = outline.westOfPuyang();
        out.add(river("峙山河", "30", westBank, rnd, c(-5200, 900), c(-2300, 350), c(0, -150), c(1500, 250), c(3300, 350)));
        out.add(river("通济河", "18", westBank, rnd, c(-2500, 5600), c(-2700, 1500), c(-2300, -2000), c(-1900, -5800)));
        out.add(river("横港河", "15", westBank, rnd, c(-4800, -2700), c(-1200, -2400), c(3300, -3000)));
        out.add(river("新开河", "15", westBank, rnd, c(-4300, 2900), c(-500, 2500), c(3300, 2600)));
        out.add(river("东藩河", "10", westBank, rnd, c(900, 4800), c(1300, 2400), c(1150, 120)));
        out.add(pond("西塘", c(-3100, -1400), 170, rnd));
        out.add(pond("白鹭塘", c(900, -3700), 130, rnd));
        out.add(pond("东湖", c(-1500, 3300), 150, rnd));
        out.add(road("杭金衢高速", "MOTORWAY", rnd, c(-3300, -8000), c(-2700, 0), c(-2300, 8000)));
        out.add(road("03省道", "PRIMARY", rnd, c(-6500, -5500), c(-2500, -2300), c(0, -700), c(2000, 1500), c(5200, 5200)));
        out.add(road("临浦大道", "PRIMARY", rnd, c(300, -6500), c(-200, 0), c(450, 6500)));
        out.add(road("峙山路", "SECONDARY", rnd, c(-4800, 700), c(-1500, 600), c(2700, 450)));
        out.add(road("浦南大道", "SECONDARY", rnd, c(-3300, -3700), c(0, -3900), c(2500, -4300)));
        out.add(road("通二路", "SECONDARY", rnd, c(-3000, -5200), c(-2600, 0), c(-2100, 5000)));
        out.add(road("东藩路", "SECONDARY", rnd, c(1300, -2600), c(1500, 1200), c(1700, 5200)));
        out.add(road("苎萝路", "SECONDARY", rnd, c(-4400, 3700), c(-900, 3500), c(2500, 3300)));
        return out;
    }

    private static Coordinate c(double x, double y) {
        return new Coordinate(x, y);
    }

    /** A river or canal that flows into the Puyang River and so stops at it. */
    private static Feature river(String name, String width, Geometry westBank, Random rnd, Coordinate... stops) {
        Geometry clipped = OverlayNGRobust.overlay(line(rnd, 120, stops), westBank, OverlayNG.INTERSECTION);
        return feature("RIVER", name, width, clipped);
    }

    private static Feature road(String name, String roadClass, Random rnd, Coordinate... stops) {
        return feature("ROAD", name, roadClass, line(rnd, 60, stops));
    }

    private static LineString line(Random rnd, double wander, Coordinate... stops) {
        return METRES.createLineString(Curves.smooth(Curves.through(rnd, wander, stops), 6).toArray(Coordinate[]::new));
    }

    /** A roundish pond with an uneven shore. */
    private static Feature pond(String name, Coordinate centre, double radius, Random rnd) {
        int n = 24;
        Coordinate[] ring = new Coordinate[n + 1];
        double p1 = rnd.nextDouble() * 6.3;
        double p2 = rnd.nextDouble() * 6.3;
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double r = radius * (1 + 0.25 * Math.sin(2 * t + p1) + 0.12 * Math.sin(3 * t + p2));
            ring[i] = new Coordinate(centre.x + 1.4 * r * Math.cos(t), centre.y + r * Math.sin(t));
        }
        ring[n] = new Coordinate(ring[0]);
        return feature("WATER", name, null, METRES.createPolygon(ring));
    }

    private static Feature feature(String kind, String name, String detail, Geometry metres) {
        Geometry degrees = GeometryPrecisionReducer.reduce(LocalPlane.toDegrees(metres), TopologyCleaner.DEGREES);
        return new Feature(kind, name, detail, degrees);
    }
}

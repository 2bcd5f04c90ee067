package org.linyunzhi.grid.internal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;

/** Smooth, slightly wandering lines for rivers, roads and the town's outline (plane metres). */
final class Curves {

    private Curves() {
    }

    /** A Catmull-Rom curve through the control points, {@code steps} segments between two of them. */
    static List<Coordinate> smooth(List<Coordinate> controls, int steps) {
        List<Coordinate> out = new ArrayList<>();
        for (int i = 0; i < controls.size() - 1; i++) {
            Coordinate p0 = controls.get(Math.max(0, i - 1));
            Coordinate p1 = controls.get(i);
            Coordinate p2 = controls.get(i + 1);
            Coordinate p3 = controls.get(Math.min(controls.size() - 1, i + 2));
            for (int s = 0; s < steps; s++) {
                double t = (double) s / steps;
                out.add(catmullRom(p0, p1, p2, p3, t));
            }
        }
        out.add(new Coordinate(controls.get(controls.size() - 1)));
        return out;
    }

    private static Coordinate catmullRom(Coordinate p0, Coordinate p1, Coordinate p2, Coordinate p3, double t) {
        double t2 = t * t;
        double t3 = t2 * t;
        double x = 0.5 * (2 * p1.x + (-p0.x + p2.x) * t + (2 * p0.x - 5 * p1.x + 4 * p2.x - p3.x) * t2
                + (-p0.x + 3 * p1.x - 3 * p2.x + p3.x) * t3);
        double y = 0.5 * (2 * p1.y + (-p0.y + p2.y) * t + (2 * p0.y - 5 * p1.y + 4 * p2.y - p3.y) * t2
                + (-p0.y + 3 * p1.y - 3 * p2.y + p3.y) * t3);
        return new Coordinate(x, y);
    }

    /**
     * Control points from {@code from} to {@code to}, each pushed sideways by up to {@code wander}
     * metres, so that a river or a country road does not run ruler-straight.
     */
    static List<Coordinate> wandering(Coordinate from, Coordinate to, int points, double wander, Random rnd) {
        List<Coordinate> out = new ArrayList<>();
        double dx = to.x - from.x;
        double dy = to.y - from.y;
        double len = Math.hypot(dx, dy);
        double nx = -dy / len;
        double ny = dx / len;
        for (int i = 0; i <= points; i++) {
            double t = (double) i / points;
            double side = (i == 0 || i == points) ? 0 : (rnd.nextDouble() * 2 - 1) * wander;
            out.add(new Coordinate(from.x + dx * t + nx * side, from.y + dy * t + ny * side));
        }
        return out;
    }

    /** Joins several legs into one list of control points, dropping the repeated joints. */
    static List<Coordinate> through(Random rnd, double wander, Coordinate... stops) {
        List<Coordinate> out = new ArrayList<>();
        for (int i = 0; i < stops.length - 1; i++) {
            List<Coordinate> leg = wandering(stops[i], stops[i + 1], 3, wander, rnd);
            out.addAll(i == 0 ? leg : leg.subList(1, leg.size()));
        }
        return out;
    }
}

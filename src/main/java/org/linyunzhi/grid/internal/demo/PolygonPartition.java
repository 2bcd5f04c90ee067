package org.linyunzhi.grid.internal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Cuts a polygon into a given number of cells that look like the areas people draw on a town map:
 * compact, of similar size, meeting along shared straight edges. Voronoi cells of well-spread
 * seeds, relaxed a few times towards their centroids (Lloyd), clipped to the parent. The cells tile
 * the parent up to floating-point noise; {@link TopologyCleaner} makes the edges match exactly.
 */
final class PolygonPartition {

    private static final GeometryFactory METRES = new GeometryFactory();
    /** Candidates per seed in best-candidate sampling: more gives a more even spread. */
    private static final int CANDIDATES = 12;

    private PolygonPartition() {
    }

    /**
     * @param parent      the polygon to cut (plane metres)
     * @param n           how many cells
     * @param fixedSeeds  seeds that must stay where they are (e.g. community centres), may be empty
     * @param lloydRounds relaxation rounds for the free seeds; 0 keeps the sampled spread
     * @return the cells, one per seed, fixed seeds first
     */
    static List<Polygon> split(Polygon parent, int n, List<Coordinate> fixedSeeds, int lloydRounds, Random rnd) {
        if (n == 1) {
            return List.of(parent);
        }
        IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(parent);
        List<Coordinate> seeds = new ArrayList<>(fixedSeeds);
        while (seeds.size() < n) {
            seeds.add(bestCandidate(parent.getEnvelopeInternal(), inside, seeds, rnd));
        }
        for (int round = 0; round < lloydRounds; round++) {
            List<Polygon> cells = cells(parent, seeds);
            for (int i = fixedSeeds.size(); i < n; i++) {
                Point c = cells.get(i).getCentroid();
                Coordinate moved = c.getCoordinate();
                if (moved == null || inside.locate(moved) != Location.INTERIOR) {
                    moved = cells.get(i).getInteriorPoint().getCoordinate();
                }
                seeds.set(i, moved);
            }
        }
        return mergeStrayPieces(parent, seeds);
    }

    /** Of a few random points inside the parent, the one farthest from the seeds placed so far. */
    private static Coordinate bestCandidate(Envelope env, IndexedPointInAreaLocator inside, List<Coordinate> seeds, Random rnd) {
        Coordinate best = null;
        double bestDistance = -1;
        for (int k = 0; k < CANDIDATES; k++) {
            Coordinate c = randomPointInside(env, inside, rnd);
            double d = Double.MAX_VALUE;
            for (Coordinate s : seeds) {
                d = Math.min(d, s.distance(c));
            }
            if (d > bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    static Coordinate randomPointInside(Envelope env, IndexedPointInAreaLocator inside, Random rnd) {
        while (true) {
            Coordinate c = new Coordinate(env.getMinX() + rnd.nextDouble() * env.getWidth(),
                    env.getMinY() + rnd.nextDouble() * env.getHeight());
            if (inside.locate(c) == Location.INTERIOR) {
                return c;
            }
        }
    }

    /** Voronoi cells of the seeds clipped to the parent, in seed order; a cell may be a multipolygon. */
    private static List<Geometry> rawCells(Polygon parent, List<Coordinate> seeds) {
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(seeds);
        Envelope clip = new Envelope(parent.getEnvelopeInternal());
        clip.expandBy(Math.max(clip.getWidth(), clip.getHeight()));
        builder.setClipEnvelope(clip);
        Geometry diagram = builder.getDiagram(METRES);
        List<Geometry> bySeed = new ArrayList<>();
        for (Coordinate seed : seeds) {
            Point p = METRES.createPoint(seed);
            Geometry cell = null;
            for (int i = 0; i < diagram.getNumGeometries() && cell == null; i++) {
                if (diagram.getGeometryN(i).covers(p)) {
                    cell = diagram.getGeometryN(i);
                }
            }
            bySeed.add(OverlayNGRobust.overlay(cell, parent, OverlayNG.INTERSECTION));
        }
        return bySeed;
    }

    private static List<Polygon> cells(Polygon parent, List<Coordinate> seeds) {
        return rawCells(parent, seeds).stream().map(PolygonPartition::largestPart).toList();
    }

    /**
     * Where the parent is concave a clipped cell can fall apart; the pieces away from the seed are
     * handed to the neighbour they touch most, so every cell is one polygon and nothing is lost.
     */
    private static List<Polygon> mergeStrayPieces(Polygon parent, List<Coordinate> seeds) {
        List<Geometry> raw = rawCells(parent, seeds);
        List<Geometry> cells = new ArrayList<>();
        List<Polygon> strays = new ArrayList<>();
        for (Geometry g : raw) {
            Polygon main = largestPart(g);
            cells.add(main);
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) != main && g.getGeometryN(i) instanceof Polygon piece && piece.getArea() > 0) {
                    strays.add(piece);
                }
            }
        }
        for (Polygon stray : strays) {
            Geometry grown = stray.buffer(0.5);
            int best = -1;
            double bestShared = 0;
            for (int i = 0; i < cells.size(); i++) {
                double shared = cells.get(i).getEnvelopeInternal().intersects(grown.getEnvelopeInternal())
                        ? OverlayNGRobust.overlay(cells.get(i), grown, OverlayNG.INTERSECTION).getArea()
                        : 0;
                if (shared > bestShared) {
                    bestShared = shared;
                    best = i;
                }
            }
            if (best >= 0) {
                cells.set(best, OverlayNGRobust.overlay(cells.get(best), stray, OverlayNG.UNION));
            }
        }
        return cells.stream().map(PolygonPartition::largestPart).toList();
    }

    static Polygon largestPart(Geometry g) {
        Polygon best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && (best == null || p.getArea() > best.getArea())) {
                best = p;
            }
        }
        return best;
    }
}

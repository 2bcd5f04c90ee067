package org.linyunzhi.grid.internal.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.VillageKind;
import org.linyunzhi.grid.internal.CodeAssigner;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Draws the demo town's region tree: 8 communities around the town centre and 20 villages around
 * them, 90 grids and 675 micro-grids, each level cut from its parent and numbered west→east,
 * north→south by the import's own {@link CodeAssigner}, then made into an exact coverage. Dedicated micro-grids are added by
 * {@link DedicatedSites}.
 */
final class DemoGeography {

    static final String TOWN_CODE = "330109107";
    static final int GRIDS = 90;
    static final int MICRO_GRIDS = 675;
    /** Community centres lie within this distance of the town centre: the old town. */
    private static final double OLD_TOWN_RADIUS_M = 1700;
    /** Grids per square kilometre are higher in the built-up communities than in farm villages. */
    private static final double COMMUNITY_GRID_DENSITY = 4.0;
    private static final double COMMUNITY_MICRO_DENSITY = 2.5;
    private static final int INDUSTRIAL_VILLAGES = 6;
    private static final GeometryFactory METRES = new GeometryFactory();

    /**
     * @param nodes              town, villages, grids and micro-grids, parents before children, in code order
     * @param outline            the boundary and the river it follows (plane metres)
     * @param industrialVillages codes of the villages of the southern industrial park, where enterprises cluster
     */
    record Drawn(List<DemoNode> nodes, TownOutline outline, Set<String> industrialVillages) {
    }

    /** A node while it is being drawn, still in plane metres. */
    private record Draft(String code, String name, String level, String parentCode, String villageKind, Polygon shape) {
    }

    private DemoGeography() {
    }

    static Drawn draw(Random rnd) {
        TownOutline outline = TownOutline.build(rnd);
        // top down: each level is cut from its parent's approximate shape
        List<Draft> villages = villages(outline.town(), rnd);
        List<Draft> grids = grids(villages, rnd);
        List<Draft> micro = microGrids(villages, grids, rnd);

        // exact coverage from the micro-grids up: every parent is the union of its children's faces
        List<Geometry> exactMicro = TopologyCleaner.clean(micro.stream().map(d -> LocalPlane.toDegrees(d.shape())).toList());
        Map<String, Geometry> shapes = new LinkedHashMap<>();
        for (int i = 0; i < micro.size(); i++) {
            shapes.put(micro.get(i).code(), exactMicro.get(i));
        }
        List<DemoNode> nodes = new ArrayList<>();
        Map<String, Geometry> gridShapes = unionByParent(grids, micro, shapes);
        Map<String, Geometry> villageShapes = unionByParent(villages, grids, gridShapes);
        Geometry townShape = TopologyCleaner.union(new ArrayList<>(villageShapes.values()));
        nodes.add(new DemoNode(TOWN_CODE, DemoNames.TOWN, "TOWN", null, null, null, townShape));
        villages.forEach(v -> nodes.add(node(v, villageShapes)));
        grids.forEach(g -> nodes.add(node(g, gridShapes)));
        micro.forEach(m -> nodes.add(node(m, shapes)));

        // the southern villages form the industrial park (浦南工业园) where enterprises cluster
        Set<String> industrial = new TreeSet<>();
        villages.stream().filter(v -> "VILLAGE".equals(v.villageKind()))
                .sorted((a, b) -> Double.compare(a.shape().getCentroid().getY(), b.shape().getCentroid().getY()))
                .limit(INDUSTRIAL_VILLAGES)
                .forEach(v -> industrial.add(v.code()));
        return new Drawn(nodes, outline, industrial);
    }

    private static DemoNode node(Draft d, Map<String, Geometry> shapes) {
        return new DemoNode(d.code(), d.name(), d.level(), d.parentCode(), d.villageKind(), null, shapes.get(d.code()));
    }

    private static Map<String, Geometry> unionByParent(List<Draft> parents, List<Draft> children, Map<String, Geometry> childShapes) {
        Map<String, Geometry> out = new LinkedHashMap<>();
        for (Draft p : parents) {
            List<Geometry> parts = children.stream().filter(c -> c.parentCode().equals(p.code()))
                    .map(c -> childShapes.get(c.code())).toList();
            out.put(p.code(), TopologyCleaner.union(parts));
        }
        return out;
    }

    private static List<Draft> villages(Polygon town, Random rnd) {
        List<Coordinate> centres = communityCentres(town, rnd);
        int total = DemoNames.COMMUNITIES.size() + DemoNames.VILLAGES.size();
        List<Polygon> cells = PolygonPartition.split(town, total, centres, 2, rnd);
        List<Polygon> communities = cells.subList(0, centres.size());
        List<Polygon> farmVillages = cells.subList(centres.size(), total);
        List<String> communityCodes = CodeAssigner.number(TOWN_CODE, RegionLevel.VILLAGE, VillageKind.COMMUNITY, null,
                communities, List.of());
        List<String> villageCodes = CodeAssigner.number(TOWN_CODE, RegionLevel.VILLAGE, VillageKind.VILLAGE, null,
                farmVillages, List.of());

        List<Draft> out = new ArrayList<>();
        for (int i = 0; i < communities.size(); i++) {
            out.add(new Draft(communityCodes.get(i), null, "VILLAGE", TOWN_CODE, "COMMUNITY", communities.get(i)));
        }
        for (int i = 0; i < farmVillages.size(); i++) {
            out.add(new Draft(villageCodes.get(i), null, "VILLAGE", TOWN_CODE, "VILLAGE", farmVillages.get(i)));
        }
        out.sort(Comparator.comparing(Draft::code));
        // the community at the town centre (the first cell) carries the town's name; the others follow in code order
        List<String> communityNames = new ArrayList<>(DemoNames.COMMUNITIES.subList(1, DemoNames.COMMUNITIES.size()));
        List<String> villageNames = new ArrayList<>(DemoNames.VILLAGES);
        List<Draft> named = new ArrayList<>();
        for (Draft d : out) {
            String name = d.shape() == cells.get(0) ? DemoNames.COMMUNITIES.get(0)
                    : "COMMUNITY".equals(d.villageKind()) ? communityNames.remove(0) : villageNames.remove(0);
            named.add(new Draft(d.code(), name, d.level(), d.parentCode(), d.villageKind(), d.shape()));
        }
        return named;
    }

    /** The town centre plus well-spread points of the old town, one per community. */
    private static List<Coordinate> communityCentres(Polygon town, Random rnd) {
        Geometry oldTown = OverlayNGRobust.overlay(town, METRES.createPoint(new Coordinate(0, 0)).buffer(OLD_TOWN_RADIUS_M, 16),
                OverlayNG.INTERSECTION);
        IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(oldTown);
        List<Coordinate> centres = new ArrayList<>();
        centres.add(new Coordinate(0, 0));
        while (centres.size() < DemoNames.COMMUNITIES.size()) {
            Coordinate best = null;
            double bestDistance = -1;
            for (int k = 0; k < 20; k++) {
                Coordinate c = PolygonPartition.randomPointInside(oldTown.getEnvelopeInternal(), inside, rnd);
                double d = centres.stream().mapToDouble(c::distance).min().orElseThrow();
                if (d > bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            centres.add(best);
        }
        return centres;
    }

    private static List<Draft> grids(List<Draft> villages, Random rnd) {
        double[] weights = villages.stream()
                .mapToDouble(v -> v.shape().getArea() * ("COMMUNITY".equals(v.villageKind()) ? COMMUNITY_GRID_DENSITY : 1))
                .toArray();
        // at least two grids per village (a grid head per village cadre), at most seven
        int[] counts = Apportion.shares(weights, GRIDS, 2, 7);
        List<Draft> out = new ArrayList<>();
        for (int v = 0; v < villages.size(); v++) {
            Draft village = villages.get(v);
            List<Polygon> cells = PolygonPartition.split(village.shape(), counts[v], List.of(), 3, rnd);
            List<String> codes = CodeAssigner.number(village.code(), RegionLevel.GRID, null, null, cells, List.of());
            List<Draft> here = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                int number = Integer.parseInt(codes.get(i).substring(village.code().length()));
                here.add(new Draft(codes.get(i), village.name() + "第" + number + "网格", "GRID", village.code(), null, cells.get(i)));
            }
            here.sort(Comparator.comparing(Draft::code));
            out.addAll(here);
        }
        return out;
    }

    private static List<Draft> microGrids(List<Draft> villages, List<Draft> grids, Random rnd) {
        Map<String, Draft> villageByCode = new LinkedHashMap<>();
        villages.forEach(v -> villageByCode.put(v.code(), v));
        double[] weights = grids.stream()
                .mapToDouble(g -> g.shape().getArea()
                        * ("COMMUNITY".equals(villageByCode.get(g.parentCode()).villageKind()) ? COMMUNITY_MICRO_DENSITY : 1))
                .toArray();
        // five to twelve micro-grids per grid: the roster draws on micro-grids 1-4 of every grid
        int[] counts = Apportion.shares(weights, MICRO_GRIDS, 5, 12);
        List<Draft> out = new ArrayList<>();
        for (int g = 0; g < grids.size(); g++) {
            Draft grid = grids.get(g);
            Draft village = villageByCode.get(grid.parentCode());
            int gridNumber = Integer.parseInt(grid.code().substring(12));
            List<Polygon> cells = PolygonPartition.split(grid.shape(), counts[g], List.of(), 3, rnd);
            List<String> codes = CodeAssigner.number(grid.code(), RegionLevel.MICRO_GRID, null, null, cells, List.of());
            List<Draft> here = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                int number = Integer.parseInt(codes.get(i).substring(grid.code().length()));
                here.add(new Draft(codes.get(i), village.name() + gridNumber + "-" + "%02d".formatted(number) + "微网格",
                        "MICRO_GRID", grid.code(), null, cells.get(i)));
            }
            here.sort(Comparator.comparing(Draft::code));
            out.addAll(here);
        }
        return out;
    }
}

package org.linyunzhi.grid.internal.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.linyunzhi.grid.DedicatedType;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.internal.CodeAssigner;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.quadtree.Quadtree;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Places the town's 177 dedicated micro-grids (专属微网格): the compounds of enterprises, schools,
 * markets, hospitals, construction sites and scenic areas that get a micro-grid of their own.
 * Each is a small rotated rectangle lying well inside one ordinary micro-grid of its grid, clear of
 * the others; enterprises crowd into the southern industrial park, schools, markets and hospitals
 * into the built-up communities.
 */
final class DedicatedSites {

    /** How many of each kind, in the order of their type digit; they add up to 177. */
    static final Map<String, Integer> COUNTS = counts();
    /** Footprints stay this far inside their host micro-grid so rounding can never push them out. */
    private static final double MARGIN_M = 4;
    /** Two compounds keep at least this distance. */
    private static final double CLEARANCE_M = 12;
    private static final GeometryFactory METRES = new GeometryFactory();

    private record Size(double minWidth, double maxWidth, double minDepth, double maxDepth) {
    }

    private static final Map<String, Size> SIZES = Map.of(
            "ENTERPRISE", new Size(60, 180, 50, 130),
            "SCHOOL", new Size(90, 170, 70, 130),
            "MARKET", new Size(50, 100, 40, 80),
            "HOSPITAL", new Size(60, 130, 50, 100),
            "CONSTRUCTION_SITE", new Size(70, 200, 60, 150),
            "SCENIC_AREA", new Size(150, 330, 120, 250));

    private final Random rnd;
    private final Map<String, DemoNode> villages = new LinkedHashMap<>();
    private final List<DemoNode> grids = new ArrayList<>();
    private final Map<String, List<DemoNode>> microByGrid = new LinkedHashMap<>();
    private final Set<String> industrial;
    private final Map<String, Integer> placedInGrid = new LinkedHashMap<>();
    private final Quadtree placed = new Quadtree();
    private final Set<String> takenNames = new HashSet<>();

    private DedicatedSites(List<DemoNode> tree, Set<String> industrial, Random rnd) {
        this.rnd = rnd;
        this.industrial = industrial;
        for (DemoNode n : tree) {
            switch (n.level()) {
                case "VILLAGE" -> villages.put(n.code(), n);
                case "GRID" -> grids.add(n);
                case "MICRO_GRID" -> microByGrid.computeIfAbsent(n.parentCode(), k -> new ArrayList<>()).add(n);
                default -> {
                }
            }
        }
    }

    private static Map<String, Integer> counts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("ENTERPRISE", 112);
        m.put("SCHOOL", 18);
        m.put("MARKET", 11);
        m.put("HOSPITAL", 7);
        m.put("CONSTRUCTION_SITE", 23);
        m.put("SCENIC_AREA", 6);
        return m;
    }

    /** @return the dedicated micro-grids, grouped by grid, numbered per grid and type in reading order */
    static List<DemoNode> place(List<DemoNode> tree, Set<String> industrialVillages, Random rnd) {
        return new DedicatedSites(tree, industrialVillages, rnd).placeAll();
    }

    private record Site(String type, DemoNode grid, String name, Polygon footprintMetres, Geometry footprintDegrees) {
    }

    private List<DemoNode> placeAll() {
        // placed kind by kind in a fixed order, so the random stream and hence the result never changes
        List<Site> sites = new ArrayList<>();
        for (Map.Entry<String, Integer> e : COUNTS.entrySet()) {
            for (int i = 0; i < e.getValue(); i++) {
                sites.add(placeOne(e.getKey()));
            }
        }
        // numbered per grid and per kind: the type digit leads the code segment, the sequence follows
        List<DemoNode> out = new ArrayList<>();
        for (DemoNode grid : grids) {
            for (String type : COUNTS.keySet()) {
                List<Site> here = sites.stream().filter(s -> s.grid() == grid && s.type().equals(type)).toList();
                List<String> codes = CodeAssigner.number(grid.code(), RegionLevel.DEDICATED_MICRO_GRID, null,
                        DedicatedType.valueOf(type), here.stream().map(Site::footprintMetres).toList(), List.of());
                List<DemoNode> numbered = new ArrayList<>();
                for (int i = 0; i < here.size(); i++) {
                    numbered.add(new DemoNode(codes.get(i), here.get(i).name() + "专属微网格", "DEDICATED_MICRO_GRID",
                            grid.code(), null, type, here.get(i).footprintDegrees()));
                }
                numbered.sort(Comparator.comparing(DemoNode::code));
                out.addAll(numbered);
            }
        }
        return out;
    }

    private Site placeOne(String type) {
        for (int attempt = 0; attempt < 200; attempt++) {
            DemoNode grid = chooseGrid(type);
            List<DemoNode> micro = microByGrid.get(grid.code());
            DemoNode host = micro.get(rnd.nextInt(micro.size()));
            Polygon footprint = fit(type, host);
            if (footprint != null) {
                // checked again in degrees on the 1e-7° grid: what is written must lie inside the host
                Geometry degrees = TopologyCleaner.FACTORY.createGeometry(LocalPlane.toDegrees(footprint));
                degrees = GeometryPrecisionReducer.reduce(degrees, TopologyCleaner.DEGREES);
                if (host.geometry().contains(degrees)) {
                    placed.insert(footprint.getEnvelopeInternal(), footprint);
                    placedInGrid.merge(grid.code(), 1, Integer::sum);
                    return new Site(type, grid, name(type, grid), footprint, degrees);
                }
            }
        }
        throw new IllegalStateException("no room found for another " + type);
    }

    /** Busy grids become less likely, so compounds spread over the town rather than piling up. */
    private DemoNode chooseGrid(String type) {
        double[] w = new double[grids.size()];
        double sum = 0;
        for (int i = 0; i < grids.size(); i++) {
            DemoNode g = grids.get(i);
            boolean community = "COMMUNITY".equals(villages.get(g.parentCode()).villageKind());
            double base = switch (type) {
                case "ENTERPRISE" -> industrial.contains(g.parentCode()) ? 6 : community ? 0.4 : 1.5;
                case "SCHOOL", "MARKET" -> community ? 3 : 1;
                case "HOSPITAL" -> community ? 4 : 1;
                default -> 1;
            };
            w[i] = base / (1 + placedInGrid.getOrDefault(g.code(), 0));
            sum += w[i];
        }
        double pick = rnd.nextDouble() * sum;
        for (int i = 0; i < w.length; i++) {
            pick -= w[i];
            if (pick <= 0) {
                return grids.get(i);
            }
        }
        return grids.get(grids.size() - 1);
    }

    /** A rotated rectangle inside the host, clear of other compounds; smaller if need be; null if none fits. */
    private Polygon fit(String type, DemoNode host) {
        Size size = SIZES.get(type);
        double width = size.minWidth() + rnd.nextDouble() * (size.maxWidth() - size.minWidth());
        double depth = size.minDepth() + rnd.nextDouble() * (size.maxDepth() - size.minDepth());
        double angle = (rnd.nextDouble() - 0.5) * Math.PI / 3;
        Geometry hostMetres = LocalPlane.toMetres(host.geometry());
        // small community micro-grids cannot hold a full-size school: shrink before giving up on the host
        for (double scale : new double[] {1, 0.75, 0.55, 0.4}) {
            double halfDiagonal = Math.hypot(width * scale, depth * scale) / 2;
            // any centre in the host shrunk by the half-diagonal keeps the whole rectangle inside, whatever its angle
            Geometry room = hostMetres.buffer(-(MARGIN_M + halfDiagonal));
            if (room.isEmpty()) {
                continue;
            }
            Coordinate c = PolygonPartition.randomPointInside(room.getEnvelopeInternal(),
                    new IndexedPointInAreaLocator(room), rnd);
            Polygon rect = rectangle(c, width * scale, depth * scale, angle);
            if (clear(rect)) {
                return rect;
            }
        }
        return null;
    }

    private boolean clear(Polygon rect) {
        Geometry zone = rect.buffer(CLEARANCE_M);
        @SuppressWarnings("unchecked")
        List<Polygon> near = placed.query(zone.getEnvelopeInternal());
        return near.stream().noneMatch(zone::intersects);
    }

    private static Polygon rectangle(Coordinate c, double width, double depth, double angle) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[][] corners = {{-width / 2, -depth / 2}, {width / 2, -depth / 2}, {width / 2, depth / 2}, {-width / 2, depth / 2}};
        Coordinate[] ring = new Coordinate[5];
        for (int i = 0; i < 4; i++) {
            ring[i] = new Coordinate(c.x + corners[i][0] * cos - corners[i][1] * sin, c.y + corners[i][0] * sin + corners[i][1] * cos);
        }
        ring[4] = new Coordinate(ring[0]);
        return METRES.createPolygon(ring);
    }

    private String name(String type, DemoNode grid) {
        String village = villages.get(grid.parentCode()).name();
        return switch (type) {
            case "ENTERPRISE" -> DemoNames.enterprise(rnd, industrial.contains(grid.parentCode()), takenNames);
            case "SCHOOL" -> DemoNames.nextOf(DemoNames.SCHOOLS, takenNames);
            case "MARKET" -> DemoNames.nextOf(DemoNames.MARKETS, takenNames);
            case "HOSPITAL" -> DemoNames.nextOf(DemoNames.HOSPITALS, takenNames);
            case "SCENIC_AREA" -> DemoNames.nextOf(DemoNames.SCENIC_AREAS, takenNames);
            default -> {
                // construction sites are named after the village and the project, e.g. 通二村安置房项目工地
                String project;
                do {
                    project = village + DemoNames.CONSTRUCTION_PROJECTS.get(rnd.nextInt(DemoNames.CONSTRUCTION_PROJECTS.size())) + "工地";
                } while (!takenNames.add(project));
                yield project;
            }
        };
    }
}

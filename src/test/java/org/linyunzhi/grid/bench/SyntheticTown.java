package org.linyunzhi.grid.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.linyunzhi.grid.DedicatedType;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.grid.VillageKind;
import org.linyunzhi.grid.internal.CodeAssigner;
import org.linyunzhi.grid.internal.RegionIndex;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Synthetic region trees for benchmarks and scale tests, tiled with Voronoi cells from a fixed
 * seed: a town with the seed's counts (22 villages, 90 grids, 675 micro-grids, 177 dedicated
 * micro-grids) and a flat region of any number of cells. Codes come from {@link CodeAssigner},
 * west→east, north→south, as an import of uncoded data would number them.
 */
public final class SyntheticTown {

    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    public static final int VILLAGES = 22;
    public static final int COMMUNITIES = 8;
    public static final int GRIDS = 90;
    public static final int MICRO_GRIDS = 675;
    public static final int DEDICATED = 177;

    private final Random random;
    private final List<Object[]> features = new ArrayList<>();

    private SyntheticTown(long seed) {
        this.random = new Random(seed);
    }

    /** The town as a FeatureCollection in the import's contract format. */
    public static String featureCollection(String townCode, double lon, double lat, long seed) {
        return new SyntheticTown(seed).build(townCode, lon, lat);
    }

    private String build(String townCode, double lon, double lat) {
        // a rough octagon of about 12 km × 11 km
        double w = 0.12;
        double h = 0.10;
        Polygon town = FACTORY.createPolygon(new Coordinate[] {
                c(lon + 0.25 * w, lat), c(lon + 0.75 * w, lat + 0.02 * h), c(lon + w, lat + 0.3 * h),
                c(lon + 0.97 * w, lat + 0.75 * h), c(lon + 0.7 * w, lat + h), c(lon + 0.3 * w, lat + 0.97 * h),
                c(lon, lat + 0.7 * h), c(lon + 0.03 * w, lat + 0.25 * h), c(lon + 0.25 * w, lat)});
        add(townCode, "Synthetic town", RegionLevel.TOWN, null, null, null, town);

        List<Geometry> villages = tile(town, VILLAGES);
        List<String> communityCodes = CodeAssigner.number(townCode, RegionLevel.VILLAGE, VillageKind.COMMUNITY, null,
                villages.subList(0, COMMUNITIES), List.of());
        List<String> villageCodes = CodeAssigner.number(townCode, RegionLevel.VILLAGE, VillageKind.VILLAGE, null,
                villages.subList(COMMUNITIES, VILLAGES), List.of());
        List<String> vCodes = new ArrayList<>(communityCodes);
        vCodes.addAll(villageCodes);
        for (int v = 0; v < VILLAGES; v++) {
            VillageKind kind = v < COMMUNITIES ? VillageKind.COMMUNITY : VillageKind.VILLAGE;
            add(vCodes.get(v), "Village " + (v + 1), RegionLevel.VILLAGE, townCode, kind, null, villages.get(v));
        }

        int[] gridsPerVillage = share(GRIDS, villages);
        List<Geometry> allGrids = new ArrayList<>();
        List<String> gridCodes = new ArrayList<>();
        for (int v = 0; v < VILLAGES; v++) {
            List<Geometry> grids = tile(villages.get(v), gridsPerVillage[v]);
            List<String> codes = CodeAssigner.number(vCodes.get(v), RegionLevel.GRID, null, null, grids, List.of());
            for (int g = 0; g < grids.size(); g++) {
                add(codes.get(g), "Grid " + codes.get(g).substring(9), RegionLevel.GRID, vCodes.get(v), null, null, grids.get(g));
            }
            allGrids.addAll(grids);
            gridCodes.addAll(codes);
        }

        List<Geometry> micro = new ArrayList<>();
        List<String> microParents = new ArrayList<>();
        for (int g = 0; g < allGrids.size(); g++) {
            int n = MICRO_GRIDS / GRIDS + (g < MICRO_GRIDS % GRIDS ? 1 : 0);
            List<Geometry> cells = tile(allGrids.get(g), n);
            List<String> codes = CodeAssigner.number(gridCodes.get(g), RegionLevel.MICRO_GRID, null, null, cells, List.of());
            for (int m = 0; m < cells.size(); m++) {
                add(codes.get(m), "Micro-grid " + codes.get(m).substring(12), RegionLevel.MICRO_GRID, gridCodes.get(g),
                        null, null, cells.get(m));
                micro.add(cells.get(m));
                microParents.add(gridCodes.get(g));
            }
        }

        // dedicated micro-grids: a small square inside distinct micro-grids, numbered per grid and type
        List<Integer> hosts = new ArrayList<>();
        for (int i = 0; i < micro.size(); i++) hosts.add(i);
        java.util.Collections.shuffle(hosts, random);
        Map<String, List<Geometry>> byGridAndType = new LinkedHashMap<>();
        for (int d = 0; d < DEDICATED; d++) {
            int host = hosts.get(d);
            DedicatedType type = DedicatedType.values()[random.nextInt(DedicatedType.values().length)];
            byGridAndType.computeIfAbsent(microParents.get(host) + "|" + type, k -> new ArrayList<>())
                    .add(squareInside(micro.get(host)));
        }
        for (var e : byGridAndType.entrySet()) {
            String grid = e.getKey().substring(0, e.getKey().indexOf('|'));
            DedicatedType type = DedicatedType.valueOf(e.getKey().substring(e.getKey().indexOf('|') + 1));
            List<String> codes = CodeAssigner.number(grid, RegionLevel.DEDICATED_MICRO_GRID, null, type, e.getValue(), List.of());
            for (int i = 0; i < codes.size(); i++) {
                add(codes.get(i), type.name().toLowerCase(Locale.ROOT) + " " + codes.get(i).substring(15),
                        RegionLevel.DEDICATED_MICRO_GRID, grid, null, type, e.getValue().get(i));
            }
        }
        return json();
    }

    /** A flat region of {@code count} Voronoi cells over {@code width} × {@code height} degrees. */
    public static List<RegionIndex.Region> flatRegion(int count, double lon, double lat, double width, double height, long seed) {
        SyntheticTown t = new SyntheticTown(seed);
        Polygon area = (Polygon) FACTORY.toGeometry(new Envelope(lon, lon + width, lat, lat + height));
        List<Geometry> cells = t.tile(area, count);
        List<RegionIndex.Region> regions = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            String code = String.format("999998001001%03d%04d", i / 1000 % 1000, i % 1000 + 1);
            regions.add(new RegionIndex.Region(new RegionNode(code + "-" + i, "Cell " + i, RegionLevel.MICRO_GRID, null, null,
                    null), cells.get(i)));
        }
        return regions;
    }

    private List<Geometry> tile(Geometry area, int count) {
        Envelope env = area.getEnvelopeInternal();
        List<Coordinate> sites = new ArrayList<>();
        var locator = new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(area);
        while (sites.size() < count) {
            Coordinate p = new Coordinate(env.getMinX() + random.nextDouble() * env.getWidth(),
                    env.getMinY() + random.nextDouble() * env.getHeight());
            if (locator.locate(p) == org.locationtech.jts.geom.Location.INTERIOR) {
                sites.add(p);
            }
        }
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(sites);
        builder.setClipEnvelope(env);
        Geometry diagram = builder.getDiagram(FACTORY);
        List<Geometry> cells = new ArrayList<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = OverlayNGRobust.overlay(diagram.getGeometryN(i), area, OverlayNG.INTERSECTION);
            if (!cell.isEmpty() && cell.getArea() > 0) {
                cells.add(cell.getNumGeometries() == 1 ? cell.getGeometryN(0) : cell);
            }
        }
        return cells;
    }

    /** Children per parent: at least one each, the rest in proportion to area. */
    private static int[] share(int total, List<Geometry> parents) {
        double area = parents.stream().mapToDouble(Geometry::getArea).sum();
        int[] out = new int[parents.size()];
        int given = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(1, (int) Math.floor(total * parents.get(i).getArea() / area));
            given += out[i];
        }
        List<Integer> bySize = new ArrayList<>();
        for (int i = 0; i < out.length; i++) bySize.add(i);
        bySize.sort(Comparator.comparingDouble((Integer i) -> -parents.get(i).getArea()));
        for (int k = 0; given != total; k = (k + 1) % out.length) {
            int i = bySize.get(k);
            if (given < total) {
                out[i]++;
                given++;
            } else if (out[i] > 1) {
                out[i]--;
                given--;
            }
        }
        return out;
    }

    private static Geometry squareInside(Geometry host) {
        var centre = host.getInteriorPoint().getCoordinate();
        for (double half = 0.0015; half > 0.00002; half /= 2) {
            Geometry square = FACTORY.toGeometry(new Envelope(centre.x - half, centre.x + half, centre.y - half, centre.y + half));
            if (host.buffer(-0.00002).contains(square)) {
                return square;
            }
        }
        throw new IllegalStateException("no room for a dedicated micro-grid");
    }

    private void add(String code, String name, RegionLevel level, String parent, VillageKind kind, DedicatedType type, Geometry g) {
        features.add(new Object[] {code, name, level, parent, kind, type, g});
    }

    private String json() {
        GeoJsonWriter writer = new GeoJsonWriter(6);
        writer.setEncodeCRS(false);
        StringBuilder s = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < features.size(); i++) {
            Object[] f = features.get(i);
            if (i > 0) s.append(",\n");
            s.append("{\"type\":\"Feature\",\"geometry\":").append(writer.write((Geometry) f[6]))
                    .append(",\"properties\":{\"code\":\"").append(f[0]).append("\",\"name\":\"").append(f[1])
                    .append("\",\"level\":\"").append(f[2]).append("\",\"parentCode\":")
                    .append(f[3] == null ? "null" : "\"" + f[3] + "\"");
            if (f[4] != null) s.append(",\"villageKind\":\"").append(f[4]).append('"');
            if (f[5] != null) s.append(",\"dedicatedType\":\"").append(f[5]).append('"');
            s.append("}}");
        }
        return s.append("]}").toString();
    }

    private static Coordinate c(double x, double y) {
        return new Coordinate(x, y);
    }
}

package org.linyunzhi.grid.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small region trees written as real GeoJSON for tests, under county code 999999 (no real county)
 * and far from the demo town, so tests never collide with it. The standard tree of a town:
 * <pre>
 *  town T (0.04° × 0.02°)
 *   community T001 (west half)  → grid T001001 → micro-grids 0001 NW, 0002 NE, 0003 SW, 0004 SE
 *                                                 dedicated 1001 (enterprise) inside 0001
 *   village   T201 (east half)  → grid T201001 → micro-grid 0001 (the whole grid)
 * </pre>
 */
final class TestTree {

    record Feature(String code, String name, String level, String parentCode, String villageKind,
                   String dedicatedType, String geometry) {

        Feature withGeometry(String g) {
            return new Feature(code, name, level, parentCode, villageKind, dedicatedType, g);
        }

        Feature withCode(String c) {
            return new Feature(c, name, level, parentCode, villageKind, dedicatedType, geometry);
        }
    }

    final List<Feature> features = new ArrayList<>();
    final String town;
    final double lon;
    final double lat;

    /** A standard tree for town code {@code town} (9 digits) with its south-west corner at lon/lat. */
    TestTree(String town, double lon, double lat) {
        this.town = town;
        this.lon = lon;
        this.lat = lat;
        add(town, "Test town " + town, "TOWN", null, null, null, box(0, 0, 0.04, 0.02));
        add(town + "001", "West community", "VILLAGE", town, "COMMUNITY", null, box(0, 0, 0.02, 0.02));
        add(town + "201", "East village", "VILLAGE", town, "VILLAGE", null, box(0.02, 0, 0.04, 0.02));
        add(grid(), "West grid", "GRID", town + "001", null, null, box(0, 0, 0.02, 0.02));
        add(town + "201001", "East grid", "GRID", town + "201", null, null, box(0.02, 0, 0.04, 0.02));
        add(grid() + "0001", "North-west", "MICRO_GRID", grid(), null, null, box(0, 0.01, 0.01, 0.02));
        add(grid() + "0002", "North-east", "MICRO_GRID", grid(), null, null, box(0.01, 0.01, 0.02, 0.02));
        add(grid() + "0003", "South-west", "MICRO_GRID", grid(), null, null, box(0, 0, 0.01, 0.01));
        add(grid() + "0004", "South-east", "MICRO_GRID", grid(), null, null, box(0.01, 0, 0.02, 0.01));
        add(grid() + "1001", "Factory", "DEDICATED_MICRO_GRID", grid(), null, "ENTERPRISE", box(0.002, 0.012, 0.004, 0.014));
        add(town + "2010010001", "East micro-grid", "MICRO_GRID", town + "201001", null, null, box(0.02, 0, 0.04, 0.02));
    }

    String grid() {
        return town + "001001";
    }

    TestTree add(String code, String name, String level, String parent, String kind, String type, String geometry) {
        features.add(new Feature(code, name, level, parent, kind, type, geometry));
        return this;
    }

    TestTree replace(String code, java.util.function.UnaryOperator<Feature> change) {
        for (int i = 0; i < features.size(); i++) {
            if (code.equals(features.get(i).code())) {
                features.set(i, change.apply(features.get(i)));
                return this;
            }
        }
        throw new IllegalArgumentException(code);
    }

    TestTree remove(String code) {
        features.removeIf(f -> code.equals(f.code()));
        return this;
    }

    int indexOf(String code) {
        for (int i = 0; i < features.size(); i++) {
            if (code.equals(features.get(i).code())) return i;
        }
        return -1;
    }

    /** A rectangle given in degrees relative to the town's south-west corner. */
    String box(double x1, double y1, double x2, double y2) {
        return polygon(new double[][] {{x1, y1}, {x2, y1}, {x2, y2}, {x1, y2}, {x1, y1}});
    }

    /** A polygon with relative corners; the ring must be closed by the caller. */
    String polygon(double[][] ring) {
        StringBuilder s = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < ring.length; i++) {
            if (i > 0) s.append(',');
            s.append(String.format(Locale.ROOT, "[%.6f,%.6f]", lon + ring[i][0], lat + ring[i][1]));
        }
        return s.append("]]}").toString();
    }

    String json() {
        StringBuilder s = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            if (i > 0) s.append(",\n");
            s.append("{\"type\":\"Feature\",\"geometry\":").append(f.geometry()).append(",\"properties\":{");
            s.append("\"code\":").append(q(f.code())).append(",\"name\":").append(q(f.name()))
                    .append(",\"level\":").append(q(f.level())).append(",\"parentCode\":").append(q(f.parentCode()));
            if (f.villageKind() != null) s.append(",\"villageKind\":").append(q(f.villageKind()));
            if (f.dedicatedType() != null) s.append(",\"dedicatedType\":").append(q(f.dedicatedType()));
            s.append("}}");
        }
        return s.append("]}").toString();
    }

    private static String q(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}

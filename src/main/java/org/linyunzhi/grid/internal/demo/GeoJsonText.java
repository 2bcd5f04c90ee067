package org.linyunzhi.grid.internal.demo;

import java.math.BigDecimal;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes GeoJSON (RFC 7946) by hand, so that the same geometry always gives the same bytes:
 * fixed key order, outer rings counter-clockwise, holes clockwise, coordinates in their shortest
 * exact decimal form.
 */
final class GeoJsonText {

    private GeoJsonText() {
    }

    /** Appends one Feature; property values are strings, numbers or null. */
    static void feature(StringBuilder sb, Map<String, ?> properties, Geometry geometry) {
        sb.append("{\"type\":\"Feature\",\"properties\":{");
        boolean first = true;
        for (Map.Entry<String, ?> p : properties.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, p.getKey());
            sb.append(':');
            Object v = p.getValue();
            if (v == null) {
                sb.append("null");
            } else if (v instanceof Number n) {
                sb.append(number(n.doubleValue()));
            } else {
                string(sb, v.toString());
            }
        }
        sb.append("},\"geometry\":");
        geometry(sb, geometry);
        sb.append('}');
    }

    static void geometry(StringBuilder sb, Geometry g) {
        if (g instanceof Polygon p) {
            sb.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(sb, p);
            sb.append('}');
        } else if (g instanceof MultiPolygon mp) {
            sb.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                polygon(sb, (Polygon) mp.getGeometryN(i));
            }
            sb.append("]}");
        } else if (g instanceof LineString l) {
            sb.append("{\"type\":\"LineString\",\"coordinates\":");
            coordinates(sb, l.getCoordinates());
            sb.append('}');
        } else if (g instanceof MultiLineString ml) {
            sb.append("{\"type\":\"MultiLineString\",\"coordinates\":[");
            for (int i = 0; i < ml.getNumGeometries(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                coordinates(sb, ml.getGeometryN(i).getCoordinates());
            }
            sb.append("]}");
        } else {
            throw new IllegalArgumentException("no GeoJSON for " + g.getGeometryType());
        }
    }

    private static void polygon(StringBuilder sb, Polygon p) {
        sb.append('[');
        ring(sb, p.getExteriorRing(), true);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            sb.append(',');
            ring(sb, p.getInteriorRingN(i), false);
        }
        sb.append(']');
    }

    /** RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise; JTS keeps whatever it computed. */
    private static void ring(StringBuilder sb, LinearRing ring, boolean counterClockwise) {
        Coordinate[] cs = ring.getCoordinates();
        if (Orientation.isCCW(cs) != counterClockwise) {
            cs = ring.reverse().getCoordinates();
        }
        coordinates(sb, cs);
    }

    private static void coordinates(StringBuilder sb, Coordinate[] cs) {
        sb.append('[');
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('[').append(number(cs[i].x)).append(',').append(number(cs[i].y)).append(']');
        }
        sb.append(']');
    }

    /** Whole numbers without ".0", others without exponent or trailing zeros: 120.2512345, not 1.202512345E2. */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** A JSON string; Chinese is written as is (the document is UTF-8), control characters escaped. */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u%04x".formatted((int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}

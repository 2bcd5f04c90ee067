package org.linyunzhi.grid.internal;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes GeoJSON Polygon and MultiPolygon geometries (RFC 7946, lon/lat WGS-84). Our own
 * reader rather than a library's, so every refusal says exactly what is wrong and where: a ring
 * that is not closed, a position with three strings, a latitude of 120.
 */
final class GeoJson {

    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private GeoJson() {
    }

    /** A geometry that cannot be accepted; the type and arguments form the message. */
    static final class FormatException extends Exception {
        final ImportProblem.Type type;
        final transient Object[] args;

        FormatException(ImportProblem.Type type, Object... args) {
            super(type.name(), null, false, false);
            this.type = type;
            this.args = args;
        }
    }

    static Geometry read(JsonNode geometry) throws FormatException {
        if (geometry == null || geometry.isNull() || geometry.isMissingNode()) {
            throw new FormatException(ImportProblem.Type.MISSING_GEOMETRY);
        }
        if (!geometry.isObject()) {
            throw new FormatException(ImportProblem.Type.MALFORMED_GEOMETRY, "geometry is not an object");
        }
        String type = geometry.path("type").asString("");
        JsonNode coordinates = geometry.get("coordinates");
        if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
            throw new FormatException(ImportProblem.Type.UNSUPPORTED_GEOMETRY, type.isEmpty() ? "(none)" : type);
        }
        if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
            throw new FormatException(ImportProblem.Type.MALFORMED_GEOMETRY, "coordinates must be a non-empty array");
        }
        if ("Polygon".equals(type)) {
            return polygon(coordinates, "");
        }
        Polygon[] parts = new Polygon[coordinates.size()];
        for (int p = 0; p < parts.length; p++) {
            parts[p] = polygon(coordinates.get(p), "polygon " + p + ", ");
        }
        return FACTORY.createMultiPolygon(parts);
    }

/** A polygon: shell first, holes after; {@code where} names the part in messages. */
    private static Polygon polygon(JsonNode rings, String where) throws FormatException {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new FormatException(ImportProblem.Type.MALFORMED_GEOMETRY, where + "a polygon must be an array of rings");
        }
        LinearRing shell = ring(rings.get(0), where + "ring 0");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int r = 1; r < rings.size(); r++) {
            holes[r - 1] = ring(rings.get(r), where + "ring " + r);
        }
        return FACTORY.createPolygon(shell, holes);
    }

/** A ring of [lon, lat] positions, checked for range and closure. */
    private static LinearRing ring(JsonNode positions, String where) throws FormatException {
        if (!positions.isArray()) {
            throw new FormatException(ImportProblem.Type.MALFORMED_GEOMETRY, where + " is not an array of positions");
        }
        if (positions.size() < 4) {
            throw new FormatException(ImportProblem.Type.TOO_FEW_POINTS, where, positions.size());
        }
        Coordinate[] coords = new Coordinate[positions.size()];
        for (int i = 0; i < coords.length; i++) {
            JsonNode pos = positions.get(i);
            if (!pos.isArray() || pos.size() < 2 || !pos.get(0).isNumber() || !pos.get(1).isNumber()) {
                throw new FormatException(ImportProblem.Type.MALFORMED_GEOMETRY,
                        where + ", position " + i + " is not [lon, lat]: " + pos);
            }
            double lon = pos.get(0).doubleValue();
            double lat = pos.get(1).doubleValue();
            checkRange(lon, lat);
            coords[i] = new Coordinate(lon, lat);
        }
        if (!coords[0].equals2D(coords[coords.length - 1])) {
            throw new FormatException(ImportProblem.Type.RING_NOT_CLOSED, where);
        }
        return FACTORY.createLinearRing(coords);
    }

    /**
     * Longitude −180..180, latitude −90..90. A latitude beyond 90 with a longitude that would be a
     * valid latitude is almost always a [lat, lon] pair, so it gets its own message.
     */
    static void checkRange(double lon, double lat) throws FormatException {
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            if (Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90) {
                throw new FormatException(ImportProblem.Type.SWAPPED_COORDINATES, lon, lat);
            }
            throw new FormatException(ImportProblem.Type.COORDINATE_OUT_OF_RANGE, lon, lat);
        }
    }

    /** The geometry as GeoJSON, coordinates rounded to six decimals (about 0.1 m). */
    // Writing is by hand: a layer of a thousand polygons is written in milliseconds, and the
    // rounding to six decimals (about 0.1 m on the ground) happens on the way out.

    static String write(Geometry geometry) {
        StringBuilder out = new StringBuilder(256);
        write(geometry, out);
        return out.toString();
    }

    static void write(Geometry geometry, StringBuilder out) {
        List<Polygon> polygons = polygons(geometry);
        if (polygons.size() == 1) {
            out.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(polygons.get(0), out);
        } else {
            out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < polygons.size(); i++) {
                if (i > 0) out.append(',');
                polygon(polygons.get(i), out);
            }
            out.append(']');
        }
        out.append('}');
    }

    /** The polygons of a polygonal geometry; lines and points left by simplification are dropped. */
    static List<Polygon> polygons(Geometry geometry) {
        List<Polygon> out = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon p && !p.isEmpty()) {
                out.add(p);
            } else if (part instanceof MultiPolygon mp) {
                out.addAll(polygons(mp));
            }
        }
        return out;
    }

    private static void polygon(Polygon polygon, StringBuilder out) {
        out.append('[');
        ring(polygon.getExteriorRing(), out);
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
            out.append(',');
            ring(polygon.getInteriorRingN(h), out);
        }
        out.append(']');
    }

    private static void ring(LineString ring, StringBuilder out) {
        out.append('[');
        var seq = ring.getCoordinateSequence();
        for (int i = 0; i < seq.size(); i++) {
            if (i > 0) out.append(',');
            out.append('[');
            appendRounded(seq.getX(i), out);
            out.append(',');
            appendRounded(seq.getY(i), out);
            out.append(']');
        }
        out.append(']');
    }

    /** Six decimals without trailing zeros; far faster than String.format for thousands of points. */
    static void appendRounded(double value, StringBuilder out) {
        long micro = Math.round(value * 1_000_000d);
        if (micro < 0) {
            out.append('-');
            micro = -micro;
        }
        out.append(micro / 1_000_000);
        long fraction = micro % 1_000_000;
        if (fraction != 0) {
            out.append('.');
            String digits = Long.toString(fraction + 1_000_000).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') end--;
            out.append(digits, 0, end);
        }
    }
}

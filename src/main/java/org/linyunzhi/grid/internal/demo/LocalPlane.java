package org.linyunzhi.grid.internal.demo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * A flat plane in metres around Linpu's town centre. The demo town is drawn here, where distances
 * and areas mean what they say, and only then turned into WGS-84 degrees; at the scale of one town
 * an equirectangular projection is off by far less than the width of a pencil line.
 */
final class LocalPlane {

    /** Linpu's town centre, which the plane's origin sits on. */
    static final double CENTRE_LON = 120.25;
    static final double CENTRE_LAT = 30.05;

    private static final double METRES_PER_DEGREE_LAT;
    private static final double METRES_PER_DEGREE_LON;

    static {
        double phi = Math.toRadians(CENTRE_LAT);
        // series for the WGS-84 ellipsoid; a sphere would be off by half a percent in north-south distances
        METRES_PER_DEGREE_LAT = 111132.954 - 559.822 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi);
        METRES_PER_DEGREE_LON = 111412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi);
    }

    private LocalPlane() {
    }

    static double lon(double x) {
        return CENTRE_LON + x / METRES_PER_DEGREE_LON;
    }

    static double lat(double y) {
        return CENTRE_LAT + y / METRES_PER_DEGREE_LAT;
    }

    static double x(double lon) {
        return (lon - CENTRE_LON) * METRES_PER_DEGREE_LON;
    }

    static double y(double lat) {
        return (lat - CENTRE_LAT) * METRES_PER_DEGREE_LAT;
    }

    /** A copy of a metre-plane geometry in lon/lat degrees. */
    static Geometry toDegrees(Geometry metres) {
        Geometry copy = metres.copy();
        copy.apply(new Transform(true));
        copy.geometryChanged();
        return copy;
    }

    /** A copy of a lon/lat geometry in plane metres, e.g. to measure its area. */
    static Geometry toMetres(Geometry degrees) {
        Geometry copy = degrees.copy();
        copy.apply(new Transform(false));
        copy.geometryChanged();
        return copy;
    }

    static Coordinate toMetres(Coordinate degrees) {
        return new Coordinate(x(degrees.x), y(degrees.y));
    }

    private record Transform(boolean toDegrees) implements CoordinateSequenceFilter {
        @Override
        public void filter(CoordinateSequence seq, int i) {
            double a = seq.getX(i);
            double b = seq.getY(i);
            seq.setOrdinate(i, 0, toDegrees ? lon(a) : x(a));
            seq.setOrdinate(i, 1, toDegrees ? lat(b) : y(b));
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}

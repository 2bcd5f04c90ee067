package org.linyunzhi.registry.internal;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Lon/lat to metres with an equirectangular projection centred on a geometry. Over a town its
 * distance error is far below a metre per hundred, which is all "within 50 m of a river" needs.
 */
final class LocalMetres {

    static final double METRES_PER_DEGREE = Math.PI * 6_371_008.8 / 180.0;

    private final double originLon;
    private final double originLat;
    private final double xScale;

    private LocalMetres(double originLon, double originLat) {
        this.originLon = originLon;
        this.originLat = originLat;
        this.xScale = METRES_PER_DEGREE * Math.cos(Math.toRadians(originLat));
    }

    static LocalMetres around(Geometry lonLat) {
        var centre = lonLat.getEnvelopeInternal().centre();
        return new LocalMetres(centre.x, centre.y);
    }

    double x(double lon) {
        return (lon - originLon) * xScale;
    }

    double y(double lat) {
        return (lat - originLat) * METRES_PER_DEGREE;
    }

    /** The lon/lat box holding every point within {@code metres} of the geometry. */
    Envelope grown(Geometry lonLat, double metres) {
        Envelope box = new Envelope(lonLat.getEnvelopeInternal());
        box.expandBy(metres / xScale, metres / METRES_PER_DEGREE);
        return box;
    }

    Geometry toMetres(Geometry lonLat) {
        Geometry copy = lonLat.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, x(seq.getX(i)));
                seq.setOrdinate(i, 1, y(seq.getY(i)));
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }
}

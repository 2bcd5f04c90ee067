package org.linyunzhi.grid.internal;

import java.util.function.DoubleUnaryOperator;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Lon/lat to metres with an equirectangular projection centred on the town. Over a town (tens of
 * kilometres) its area error is far below a tenth of a percent, which is all tolerances and
 * coverage reports need, and it keeps JTS's planar algorithms valid in metres.
 */
final class LocalProjection {

    /** Mean Earth radius (IUGG), metres. */
    private static final double EARTH_RADIUS_M = 6_371_008.8;
    private static final double METRES_PER_DEGREE = Math.PI * EARTH_RADIUS_M / 180.0;

    private final double originLon;
    private final double originLat;
    private final double xScale;

    LocalProjection(double originLon, double originLat) {
        this.originLon = originLon;
        this.originLat = originLat;
        this.xScale = METRES_PER_DEGREE * Math.cos(Math.toRadians(originLat));
    }

    static LocalProjection around(Geometry lonLat) {
        var c = lonLat.getEnvelopeInternal().centre();
        return new LocalProjection(c.x, c.y);
    }

    Geometry toMetres(Geometry lonLat) {
        return transform(lonLat, x -> (x - originLon) * xScale, y -> (y - originLat) * METRES_PER_DEGREE);
    }

    Geometry toLonLat(Geometry metres) {
        return transform(metres, x -> x / xScale + originLon, y -> y / METRES_PER_DEGREE + originLat);
    }

    private static Geometry transform(Geometry geometry, DoubleUnaryOperator fx, DoubleUnaryOperator fy) {
        Geometry copy = geometry.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, fx.applyAsDouble(seq.getX(i)));
                seq.setOrdinate(i, 1, fy.applyAsDouble(seq.getY(i)));
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

    double areaM2(Geometry lonLat) {
        return toMetres(lonLat).getArea();
    }
}

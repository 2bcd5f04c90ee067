package org.linyunzhi.resource.internal;

/**
 * Distances on the earth in metres, and the checks that keep coordinates inside WGS-84's range.
 * A sphere of the earth's mean radius is within 0.5 % of the ellipsoid, far closer than anyone
 * choosing between two shelters needs.
 */
final class GreatCircle {

    /** IUGG mean earth radius. */
    static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private GreatCircle() {
    }

    /** The haversine distance between two lon/lat points. */
    static double metres(double lon1, double lat1, double lon2, double lat2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Refuses a longitude outside −180..180 or a latitude outside −90..90 (NaN included), naming the field. */
    static void check(double lon, double lat) {
        checkLon("lon", lon);
        checkLat("lat", lat);
    }

    static void checkLon(String field, double lon) {
        if (!(lon >= -180 && lon <= 180)) {
            throw ResourceRefused.badInput(field, "resource.error.lon", lon);
        }
    }

    static void checkLat(String field, double lat) {
        if (!(lat >= -90 && lat <= 90)) {
            throw ResourceRefused.badInput(field, "resource.error.lat", lat);
        }
    }
}

package org.linyunzhi.hazard.internal.onemap;

/**
 * The part of the town a map shows: a WGS-84 box and the zoom the map is drawn at. The zoom decides
 * the size of a cluster cell, the box what is counted; both come from the browser and are checked
 * here, so nothing downstream has to doubt them.
 */
record MapViewport(double west, double south, double east, double north, int zoom) {

    static final int MIN_ZOOM = 0;
    static final int MAX_ZOOM = 22;

    /** "west,south,east,north" as Leaflet's toBBoxString() writes it, and the zoom. */
    static MapViewport parse(String bbox, String zoom) {
        if (bbox == null || bbox.isBlank()) {
            throw new BadMapInput("bbox", "onemap.error.bbox.missing");
        }
        String[] parts = bbox.split(",");
        double[] v = new double[4];
        try {
            if (parts.length != 4) throw new NumberFormatException();
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(parts[i].strip());
                if (!Double.isFinite(v[i])) throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new BadMapInput("bbox", "onemap.error.bbox.format", bbox);
        }
        if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 || v[0] >= v[2] || v[1] >= v[3]) {
            throw new BadMapInput("bbox", "onemap.error.bbox.range", bbox);
        }
        return new MapViewport(v[0], v[1], v[2], v[3], parseZoom(zoom));
    }

    private static int parseZoom(String zoom) {
        if (zoom == null || zoom.isBlank()) {
            throw new BadMapInput("zoom", "onemap.error.zoom", "", MIN_ZOOM, MAX_ZOOM);
        }
        try {
            int z = Integer.parseInt(zoom.strip());
            if (z >= MIN_ZOOM && z <= MAX_ZOOM) {
                return z;
            }
        } catch (NumberFormatException e) {
            // answered below, with the same message as a zoom out of range
        }
        throw new BadMapInput("zoom", "onemap.error.zoom", zoom, MIN_ZOOM, MAX_ZOOM);
    }

    double width() {
        return east - west;
    }

    double height() {
        return north - south;
    }
}

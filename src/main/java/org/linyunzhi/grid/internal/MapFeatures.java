package org.linyunzhi.grid.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.identity.DataScope;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.stereotype.Service;

/**
 * The polygons of one level for the map, simplified to about one screen pixel at the zoom asked
 * for (360 / (256·2^zoom) degrees), as ready-written GeoJSON features. Each (level, zoom) layer is
 * built once and kept until the tree version changes; a request then only filters by viewport and
 * data scope and concatenates strings.
 */
@Service
class MapFeatures {

    static final int MAX_ZOOM = 22;

    private record Key(RegionLevel level, int zoom) {
    }

    /** One feature, written, with the envelope the viewport filter needs. */
    private record Written(String code, Envelope envelope, String json) {
    }

    private final RegionNodes nodes;
    private final LiveRegionIndex index;
    private final Map<Key, List<Written>> layers = new ConcurrentHashMap<>();
    private volatile long layersVersion = Long.MIN_VALUE;

    MapFeatures(RegionNodes nodes, LiveRegionIndex index) {
        this.nodes = nodes;
        this.index = index;
    }

    static double degreesPerPixel(int zoom) {
        return 360.0 / (256.0 * Math.pow(2, zoom));
    }

    /** A FeatureCollection of the level's nodes meeting the viewport (all when null) within the scope. */
    String collection(RegionLevel level, int zoom, Envelope viewport, DataScope scope) {
        int z = Math.max(0, Math.min(MAX_ZOOM, zoom));
        // the layers follow the routing index's version, which follows the stored tree (also when
        // another node of a cluster changed it), so a stale layer is never served for long
        long version = index.current().version();
        if (version != layersVersion) {
            layers.clear();
            layersVersion = version;
        }
        List<Written> layer = layers.computeIfAbsent(new Key(level, z), k -> build(k.level(), k.zoom()));
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (Written w : layer) {
            if ((viewport == null || viewport.intersects(w.envelope())) && scope.coversRegion(w.code())) {
                if (!first) out.append(',');
                out.append(w.json());
                first = false;
            }
        }
        return out.append("]}").toString();
    }

    private List<Written> build(RegionLevel level, int zoom) {
        double tolerance = degreesPerPixel(zoom);
        return nodes.shapes(null, level).stream().map(row -> {
            Geometry original = StoredSurroundings.parse(row.boundary());
            Geometry simple = TopologyPreservingSimplifier.simplify(original, tolerance);
            // an interior point, not the centroid: a crescent-shaped village gets its label inside it
            Point label = original.getInteriorPoint();
            StringBuilder json = new StringBuilder(512);
            json.append("{\"type\":\"Feature\",\"geometry\":");
            // a sliver may simplify away entirely; then it is drawn as it is
            GeoJson.write(simple.isEmpty() ? original : simple, json);
            json.append(",\"properties\":{");
            Json.nodeIdentity(row, json);
            json.append(',');
            Json.field("dedicatedType", row.dedicatedType(), json);
            json.append(",\"labelLon\":");
            GeoJson.appendRounded(label.getX(), json);
            json.append(",\"labelLat\":");
            GeoJson.appendRounded(label.getY(), json);
            json.append("}}");
            return new Written(row.code(), original.getEnvelopeInternal(), json.toString());
        }).toList();
    }
}

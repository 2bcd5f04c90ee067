package org.linyunzhi.grid.internal.map;

import java.util.List;
import java.util.UUID;
import org.locationtech.jts.geom.Envelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored base-map features ({@code grid_base_layer}). */
@Repository
class BaseLayers {

    /** One feature ready to store: geometry as GeoJSON text, extra properties as a JSON object. */
    record Row(String kind, String name, String propertiesJson, String geometryJson, Envelope bbox) {
    }

    private final JdbcClient jdbc;

    BaseLayers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int count() {
        return jdbc.sql("SELECT count(*) FROM grid_base_layer").query(Integer.class).single();
    }

    /** Replaces every stored feature; the caller's transaction makes it all or nothing. */
    void replaceAll(List<Row> rows) {
        jdbc.sql("DELETE FROM grid_base_layer").update();
        int order = 0;
        for (Row r : rows) {
            jdbc.sql("""
                    INSERT INTO grid_base_layer (id, kind, name, properties, geometry, bbox, sort_order)
                    VALUES (:id, :kind, :name, CAST(:props AS jsonb), CAST(:geometry AS jsonb),
                            box(point(:minLon, :minLat), point(:maxLon, :maxLat)), :order)""")
                    .param("id", UUID.randomUUID())
                    .param("kind", r.kind())
                    .param("name", r.name())
                    .param("props", r.propertiesJson())
                    .param("geometry", r.geometryJson())
                    .param("minLon", r.bbox().getMinX())
                    .param("minLat", r.bbox().getMinY())
                    .param("maxLon", r.bbox().getMaxX())
                    .param("maxLat", r.bbox().getMaxY())
                    .param("order", order++)
                    .update();
        }
    }

    /**
     * The features meeting the viewport (all when null) as one GeoJSON FeatureCollection, written
     * by PostgreSQL: water first, then rivers, then roads, so that a client drawing in order gets
     * roads on top.
     */
    String collection(Envelope viewport) {
        String features = jdbc.sql("""
                SELECT coalesce(json_agg(json_build_object(
                         'type', 'Feature',
                         'properties', properties || jsonb_build_object('kind', kind, 'name', name),
                         'geometry', geometry)
                       ORDER BY CASE kind WHEN 'WATER' THEN 0 WHEN 'RIVER' THEN 1 ELSE 2 END, sort_order), '[]'::json)::text
                  FROM grid_base_layer
                 WHERE :everything OR bbox && box(point(:minLon, :minLat), point(:maxLon, :maxLat))""")
                .param("everything", viewport == null)
                .param("minLon", viewport == null ? 0 : viewport.getMinX())
                .param("minLat", viewport == null ? 0 : viewport.getMinY())
                .param("maxLon", viewport == null ? 0 : viewport.getMaxX())
                .param("maxLat", viewport == null ? 0 : viewport.getMaxY())
                .query(String.class).single();
        return "{\"type\":\"FeatureCollection\",\"features\":" + features + "}";
    }
}

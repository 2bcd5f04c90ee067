package org.linyunzhi.grid.internal;

import java.util.List;
import org.linyunzhi.grid.Waterway;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The water of the stored base map ({@code grid_base_layer}, kinds RIVER and WATER) as JTS geometries.
 * Read on each call: a town has a handful of rivers and the base map can be replaced at any time.
 */
@Repository
class Waterways {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final JdbcClient jdbc;

    Waterways(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Waterway> all() {
        GeoJsonReader reader = new GeoJsonReader(WGS84);
        return jdbc.sql("""
                SELECT kind, name, geometry::text AS geometry FROM grid_base_layer
                 WHERE kind IN ('RIVER', 'WATER') ORDER BY sort_order""")
                .query((rs, n) -> new Waterway(rs.getString("name"), rs.getString("kind"),
                        parse(reader, rs.getString("geometry"))))
                .list();
    }

    private static Geometry parse(GeoJsonReader reader, String json) {
        try {
            return reader.read(json);
        } catch (ParseException e) {
            // the import validated every geometry, so a stored one that does not parse is a broken database
            throw new IllegalStateException("unreadable base-map geometry", e);
        }
    }
}

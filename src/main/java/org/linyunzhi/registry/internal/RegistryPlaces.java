package org.linyunzhi.registry.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.registry.PlaceFilter;
import org.linyunzhi.registry.PlaceKind;
import org.linyunzhi.registry.RegistryApi;
import org.linyunzhi.registry.RegistryPlace;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Places for other modules. The attribute filters and the bounding box of any geometry run in SQL
 * (the box on the GiST index of position); the exact "inside the polygon" and "within n metres"
 * tests run in JTS on what the box let through, in a local metric projection.
 */
@Service
class RegistryPlaces implements RegistryApi {

    private static final GeometryFactory LON_LAT = new GeometryFactory();
    private static final String PLACE_COLUMNS = """
            SELECT * FROM (
              SELECT id, 'HOUSE' AS kind, address AS name, address, NULL AS org_type, house_use, rented, lon, lat,
                     position, region_code, dedicated_region_code FROM registry_house
              UNION ALL
              SELECT id, 'ORGANISATION', name, address, org_type, NULL, FALSE, lon, lat,
                     position, region_code, dedicated_region_code FROM registry_organisation
            ) p""";

    private final JdbcClient jdbc;

    RegistryPlaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RegistryPlace> places(PlaceFilter filter, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        Query query = Query.of(filter);
        if (!query.spatial()) {
            return query.run(jdbc, " ORDER BY p.region_code, p.name, p.id LIMIT " + limit);
        }
        List<RegistryPlace> found = new ArrayList<>();
        for (RegistryPlace place : query.run(jdbc, " ORDER BY p.region_code, p.name, p.id")) {
            if (query.accepts(place)) {
                found.add(place);
                if (found.size() == limit) {
                    break;
                }
            }
        }
        return found;
    }

    @Override
    public Optional<RegistryPlace> place(UUID id) {
        return jdbc.sql(PLACE_COLUMNS + " WHERE p.id = :id").param("id", id).query(RegistryPlaces::place).optional();
    }

    @Override
    public int count(PlaceFilter filter) {
        Query query = Query.of(filter);
        if (!query.spatial()) {
            return jdbc.sql("SELECT count(*) FROM (" + PLACE_COLUMNS + query.where + ") c").params(query.params)
                    .query(Integer.class).single();
        }
        return (int) query.run(jdbc, "").stream().filter(query::accepts).count();
    }

    private static RegistryPlace place(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new RegistryPlace(rs.getObject("id", UUID.class), PlaceKind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getString("address"), rs.getString("org_type"), rs.getString("house_use"),
                rs.getBoolean("rented"), rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("region_code"),
                rs.getString("dedicated_region_code"));
    }

    /** A filter checked and turned into a WHERE clause of fixed fragments plus the exact spatial tests. */
    private static final class Query {
        private final StringBuilder where = new StringBuilder(" WHERE TRUE");
        private final Map<String, Object> params = new LinkedHashMap<>();
        private PreparedGeometry within;
        private LocalMetres metres;
        private PreparedGeometry nearArea;
        private IndexedFacetDistance nearMetres;
        private double distance;

        static Query of(PlaceFilter filter) {
            if (filter == null) {
                throw new IllegalArgumentException("a filter is required (PlaceFilter.of(null) picks every place)");
            }
            Query q = new Query();
            if (filter.kind() != null) {
                q.add("p.kind = :kind", "kind", filter.kind().name());
            }
            Set<String> types = filter.orgTypes();
            if (types != null && !types.isEmpty()) {
                List<String> codes = types.stream().map(t -> OrgType.parse(t)
                        .orElseThrow(() -> new IllegalArgumentException("unknown organisation type " + t)).name()).toList();
                q.add("p.org_type IN (:orgTypes)", "orgTypes", codes);
            }
            if (filter.houseUse() != null && !filter.houseUse().isBlank()) {
                q.add("p.house_use = :houseUse", "houseUse", HouseUse.parse(filter.houseUse())
                        .orElseThrow(() -> new IllegalArgumentException("unknown house use " + filter.houseUse())).name());
            }
            if (filter.rented() != null) {
                q.add("p.rented = :rented", "rented", filter.rented());
            }
            if (filter.regionCode() != null && !filter.regionCode().isBlank()) {
                if (!filter.regionCode().strip().matches("\\d{1,19}")) {
                    throw new IllegalArgumentException("a region code is digits, was " + filter.regionCode());
                }
                q.add("p.region_code LIKE :regionPrefix", "regionPrefix", filter.regionCode().strip() + "%");
            }
            if (filter.within() != null) {
                q.within = PreparedGeometryFactory.prepare(valid(filter.within(), "within"));
                q.box(filter.within().getEnvelopeInternal(), "w");
            }
            if (filter.near() != null || filter.nearMetres() != null) {
                if (filter.near() == null || filter.nearMetres() == null) {
                    throw new IllegalArgumentException("near needs both a geometry and a distance in metres");
                }
                if (!(filter.nearMetres() >= 0) || filter.nearMetres() > 100_000) {
                    throw new IllegalArgumentException("nearMetres must be 0..100000, was " + filter.nearMetres());
                }
                Geometry near = valid(filter.near(), "near");
                q.metres = LocalMetres.around(near);
                Geometry projected = q.metres.toMetres(near);
                // the facets answer "how far from the edge"; a point inside an area is at distance 0
                q.nearArea = projected.getDimension() == 2 ? PreparedGeometryFactory.prepare(projected) : null;
                q.nearMetres = new IndexedFacetDistance(projected);
                q.distance = filter.nearMetres();
                q.box(q.metres.grown(near, filter.nearMetres()), "n");
            }
            return q;
        }

        private static Geometry valid(Geometry g, String field) {
            if (g.isEmpty()) {
                throw new IllegalArgumentException(field + " is an empty geometry");
            }
            Envelope e = g.getEnvelopeInternal();
            if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
                throw new IllegalArgumentException(field + " is not in WGS-84 lon/lat");
            }
            return g;
        }

        private void add(String sql, String name, Object value) {
            where.append(" AND ").append(sql);
            params.put(name, value);
        }

        private void box(Envelope e, String prefix) {
            where.append(" AND p.position <@ box(point(:").append(prefix).append("W, :").append(prefix)
                    .append("S), point(:").append(prefix).append("E, :").append(prefix).append("N))");
            params.put(prefix + "W", e.getMinX());
            params.put(prefix + "S", e.getMinY());
            params.put(prefix + "E", e.getMaxX());
            params.put(prefix + "N", e.getMaxY());
        }

        boolean spatial() {
            return within != null || nearMetres != null;
        }

        List<RegistryPlace> run(JdbcClient jdbc, String tail) {
            return jdbc.sql(PLACE_COLUMNS + where + tail).params(params).query(RegistryPlaces::place).list();
        }

        boolean accepts(RegistryPlace p) {
            if (within != null && !within.covers(LON_LAT.createPoint(new Coordinate(p.lon(), p.lat())))) {
                return false;
            }
            if (nearMetres == null) {
                return true;
            }
            var point = LON_LAT.createPoint(new Coordinate(metres.x(p.lon()), metres.y(p.lat())));
            return (nearArea != null && nearArea.covers(point)) || nearMetres.isWithinDistance(point, distance);
        }
    }
}

package org.linyunzhi.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The houses table. Every read and write a person makes passes their data scope. */
@Repository
class Houses {

    private static final String COLUMNS = "h.id, h.address, h.address_key, h.house_use, h.rented, h.lon, h.lat, "
            + "h.region_code, h.dedicated_region_code, h.sources, h.version";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Houses(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insert(Collection<House> houses) {
        batch.batchUpdate("INSERT INTO registry_house (id, address, address_key, house_use, rented, lon, lat, position, "
                        + "region_code, dedicated_region_code, sources) VALUES (?, ?, ?, ?, ?, ?, ?, point(?, ?), ?, ?, ?)",
                houses.stream().map(h -> new Object[] {h.id(), h.address(), h.addressKey(), h.use().name(), h.rented(),
                        h.lon(), h.lat(), h.lon(), h.lat(), h.regionCode(), h.dedicatedRegionCode(),
                        Rows.array(h.sources())}).toList());
    }

    void update(Collection<House> houses) {
        batch.batchUpdate("UPDATE registry_house SET address = ?, house_use = ?, rented = ?, lon = ?, lat = ?, "
                        + "position = point(?, ?), region_code = ?, dedicated_region_code = ?, sources = ?, "
                        + "version = version + 1, updated_at = now() WHERE id = ?",
                houses.stream().map(h -> new Object[] {h.address(), h.use().name(), h.rented(), h.lon(), h.lat(),
                        h.lon(), h.lat(), h.regionCode(), h.dedicatedRegionCode(), Rows.array(h.sources()), h.id()})
                        .toList());
    }

    /**
     * Changes what a house is used for and whether it is let, if it is in the scope and still at the
     * version the editor saw; false otherwise (the caller tells "gone" from "changed meanwhile").
     */
    boolean edit(UUID id, int version, HouseUse use, boolean rented, DataScope scope) {
        DataScope.SqlPredicate in = scope.predicate("region_code");
        return jdbc.sql("UPDATE registry_house SET house_use = :use, rented = :rented, version = version + 1, "
                        + "updated_at = now() WHERE id = :id AND version = :version AND " + in.sql())
                .param("use", use.name()).param("rented", rented).param("id", id).param("version", version)
                .params(in.params()).update() == 1;
    }

    /** The stored houses with these normalised addresses, by address key (whatever their scope: merging must see them). */
    Map<String, House> byKeys(Collection<String> keys) {
        Map<String, House> found = new HashMap<>();
        if (!keys.isEmpty()) {
            jdbc.sql("SELECT " + COLUMNS + " FROM registry_house h WHERE h.address_key = ANY(:keys)")
                    .param("keys", keys.toArray(String[]::new)).query(Houses::house).list()
                    .forEach(h -> found.put(h.addressKey(), h));
        }
        return found;
    }

    List<House> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql("SELECT " + COLUMNS + " FROM registry_house h WHERE h.id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new)).query(Houses::house).list();
    }

    Optional<House> find(UUID id, DataScope scope) {
        DataScope.SqlPredicate in = scope.predicate("h.region_code");
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry_house h WHERE h.id = :id AND " + in.sql())
                .param("id", id).params(in.params()).query(Houses::house).optional();
    }

    /** A page of houses matching the search, in region and address order. */
    List<House> search(HouseSearch search, DataScope scope, int offset, int limit) {
        Where w = where(search, scope);
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry_house h" + w.sql
                        + " ORDER BY h.region_code, h.address, h.id OFFSET " + offset + " LIMIT " + limit)
                .params(w.params).query(Houses::house).list();
    }

    int count(HouseSearch search, DataScope scope) {
        Where w = where(search, scope);
        return jdbc.sql("SELECT count(*) FROM registry_house h" + w.sql).params(w.params).query(Integer.class).single();
    }

    private static Where where(HouseSearch s, DataScope scope) {
        Where w = new Where(scope.predicate("h.region_code"));
        if (s.q() != null) {
            w.and("(h.address ILIKE :q OR h.address_key ILIKE :qKey)", "q", Rows.contains(s.q()));
            w.params.put("qKey", Rows.contains(Addresses.key(s.q())));
        }
        if (s.use() != null) {
            w.and("h.house_use = :use", "use", s.use().name());
        }
        if (s.rented() != null) {
            w.and("h.rented = :rented", "rented", s.rented());
        }
        if (s.region() != null) {
            w.and("h.region_code LIKE :region", "region", s.region() + "%");
        }
        return w;
    }

    static House house(ResultSet rs, int row) throws SQLException {
        return new House(rs.getObject("id", UUID.class), rs.getString("address"), rs.getString("address_key"),
                HouseUse.valueOf(rs.getString("house_use")), rs.getBoolean("rented"), rs.getDouble("lon"),
                rs.getDouble("lat"), rs.getString("region_code"), rs.getString("dedicated_region_code"),
                Rows.texts(rs, "sources"), rs.getInt("version"));
    }

    /** What the house list filters on; null fields do not filter. */
    record HouseSearch(String q, HouseUse use, Boolean rented, String region) {
    }

    /** A WHERE clause of fixed fragments, starting with the data scope. */
    static final class Where {
        final StringBuilder sql = new StringBuilder(" WHERE ");
        final Map<String, Object> params = new HashMap<>();

        Where(DataScope.SqlPredicate scope) {
            sql.append(scope.sql());
            params.putAll(scope.params());
        }

        void and(String fragment, String name, Object value) {
            sql.append(" AND ").append(fragment);
            params.put(name, value);
        }
    }

    static List<String> union(List<String> a, String b) {
        List<String> all = new ArrayList<>(a);
        if (b != null && !all.contains(b)) {
            all.add(b);
        }
        return all;
    }
}

package org.linyunzhi.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
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

/** The organisations table. Every read and write a person makes passes their data scope. */
@Repository
class Organisations {

    private static final String COLUMNS = "o.id, o.name, o.credit_code, o.org_type, o.address, o.lon, o.lat, "
            + "o.region_code, o.dedicated_region_code, o.sources, o.version";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Organisations(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insert(Collection<Organisation> organisations) {
        batch.batchUpdate("INSERT INTO registry_organisation (id, name, credit_code, org_type, address, lon, lat, position, "
                        + "region_code, dedicated_region_code, sources) VALUES (?, ?, ?, ?, ?, ?, ?, point(?, ?), ?, ?, ?)",
                organisations.stream().map(o -> new Object[] {o.id(), o.name(), o.creditCode(), o.type().name(),
                        o.address(), o.lon(), o.lat(), o.lon(), o.lat(), o.regionCode(), o.dedicatedRegionCode(),
                        Rows.array(o.sources())}).toList());
    }

    void update(Collection<Organisation> organisations) {
        batch.batchUpdate("UPDATE registry_organisation SET name = ?, org_type = ?, address = ?, lon = ?, lat = ?, "
                        + "position = point(?, ?), region_code = ?, dedicated_region_code = ?, sources = ?, "
                        + "version = version + 1, updated_at = now() WHERE id = ?",
                organisations.stream().map(o -> new Object[] {o.name(), o.type().name(), o.address(), o.lon(), o.lat(),
                        o.lon(), o.lat(), o.regionCode(), o.dedicatedRegionCode(), Rows.array(o.sources()), o.id()})
                        .toList());
    }

    /** The stored organisations with these credit codes (whatever their scope: merging must see them). */
    Map<String, Organisation> byCodes(Collection<String> codes) {
        Map<String, Organisation> found = new HashMap<>();
        if (!codes.isEmpty()) {
            jdbc.sql("SELECT " + COLUMNS + " FROM registry_organisation o WHERE o.credit_code = ANY(:codes)")
                    .param("codes", codes.toArray(String[]::new)).query(Organisations::organisation).list()
                    .forEach(o -> found.put(o.creditCode(), o));
        }
        return found;
    }

    Optional<Organisation> find(UUID id, DataScope scope) {
        DataScope.SqlPredicate in = scope.predicate("o.region_code");
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry_organisation o WHERE o.id = :id AND " + in.sql())
                .param("id", id).params(in.params()).query(Organisations::organisation).optional();
    }

    List<Organisation> search(OrganisationSearch search, DataScope scope, int offset, int limit) {
        Houses.Where w = where(search, scope);
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry_organisation o" + w.sql
                        + " ORDER BY o.region_code, o.name, o.id OFFSET " + offset + " LIMIT " + limit)
                .params(w.params).query(Organisations::organisation).list();
    }

    int count(OrganisationSearch search, DataScope scope) {
        Houses.Where w = where(search, scope);
        return jdbc.sql("SELECT count(*) FROM registry_organisation o" + w.sql).params(w.params)
                .query(Integer.class).single();
    }

    private static Houses.Where where(OrganisationSearch s, DataScope scope) {
        Houses.Where w = new Houses.Where(scope.predicate("o.region_code"));
        if (s.q() != null) {
            w.and("(o.name ILIKE :q OR o.address ILIKE :q OR o.credit_code = upper(:code))", "q", Rows.contains(s.q()));
            w.params.put("code", s.q().strip());
        }
        if (s.type() != null) {
            w.and("o.org_type = :type", "type", s.type().name());
        }
        if (s.dedicatedOnly()) {
            w.sql.append(" AND o.dedicated_region_code IS NOT NULL");
        }
        if (s.region() != null) {
            w.and("o.region_code LIKE :region", "region", s.region() + "%");
        }
        return w;
    }

    static Organisation organisation(ResultSet rs, int row) throws SQLException {
        return new Organisation(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("credit_code"),
                OrgType.valueOf(rs.getString("org_type")), rs.getString("address"), rs.getDouble("lon"),
                rs.getDouble("lat"), rs.getString("region_code"), rs.getString("dedicated_region_code"),
                Rows.texts(rs, "sources"), rs.getInt("version"));
    }

    record OrganisationSearch(String q, OrgType type, boolean dedicatedOnly, String region) {
    }
}

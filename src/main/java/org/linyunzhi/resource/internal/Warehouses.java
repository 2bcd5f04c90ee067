package org.linyunzhi.resource.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Material warehouses (物资仓库) and the items each keeps; stock changes go through {@link Stock}. */
@Component
class Warehouses {

    private final JdbcClient jdbc;
    private final Siting siting;

    Warehouses(JdbcClient jdbc, Siting siting) {
        this.jdbc = jdbc;
        this.siting = siting;
    }

    record NewWarehouse(String name, String keeper, String address, Double lon, Double lat) {
    }

    /** A warehouse in a list, with how many of its items are below their minimum. */
    record Listed(UUID id, String name, String keeper, String address, String status, String regionCode, int items,
                  int low) {
    }

    record Warehouse(UUID id, String name, String keeper, String address, String status, double lon, double lat,
                     String regionCode, int version, List<Stock.Item> items) {
    }

    /** A warehouse's fields after every check, and the micro-grid its position files it under. */
    private record Checked(String name, String keeper, String address, double lon, double lat, String region) {
    }

    /** The checks a new warehouse and an edited one share. */
    private Checked check(NewWarehouse w, DataScope scope) {
        String name = Fields.required("name", w.name(), 100);
        String keeper = Fields.optional("keeper", w.keeper(), 50);
        String address = Fields.required("address", w.address(), 200);
        String region = siting.regionOf(w.lon(), w.lat(), scope);
        return new Checked(name, keeper, address, w.lon(), w.lat(), region);
    }

    /** Files a warehouse under the micro-grid at its position; its items are added afterwards. */
    @Transactional
    UUID create(NewWarehouse w, DataScope scope) {
        Checked c = check(w, scope);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO resource_warehouse (id, name, keeper, address, lon, lat, position, region_code)
                        VALUES (:id, :name, :keeper, :address, :lon, :lat, point(:lon, :lat), :region)""")
                .param("id", id).param("name", c.name()).param("keeper", c.keeper()).param("address", c.address())
                .param("lon", c.lon()).param("lat", c.lat()).param("region", c.region()).update();
        return id;
    }

    /** Rewrites a warehouse's name, keeper and place, guarded by the version read; its stock is untouched. */
    @Transactional
    void edit(UUID id, NewWarehouse w, Integer expectedVersion, DataScope scope) {
        int current = jdbc.sql("SELECT t.version FROM resource_warehouse t WHERE t.id = :id AND "
                        + scope.predicate("t.region_code").sql())
                .params(scope.predicate("t.region_code").params()).param("id", id).query(Integer.class).optional()
                .orElseThrow(ResourceRefused::notFound);
        Checked c = check(w, scope);
        int changed = jdbc.sql("""
                        UPDATE resource_warehouse SET name = :name, keeper = :keeper, address = :address, lon = :lon,
                            lat = :lat, position = point(:lon, :lat), region_code = :region, version = version + 1,
                            updated_at = now()
                        WHERE id = :id AND version = :version""")
                .param("name", c.name()).param("keeper", c.keeper()).param("address", c.address())
                .param("lon", c.lon()).param("lat", c.lat()).param("region", c.region()).param("id", id)
                .param("version", expectedVersion == null ? current : expectedVersion).update();
        if (changed == 0) {
            throw ResourceRefused.conflict("resource.error.changedMeanwhile");
        }
    }

    /** Warehouses in scope, those with low items first so the keeper sees them at the top. */
    List<Listed> list(DataScope scope) {
        DataScope.SqlPredicate inScope = scope.predicate("t.region_code");
        return jdbc.sql("""
                        SELECT t.id, t.name, t.keeper, t.address, t.status, t.region_code,
                               (SELECT count(*) FROM resource_stock s WHERE s.warehouse_id = t.id)::int AS items,
                               (SELECT count(*) FROM resource_stock s WHERE s.warehouse_id = t.id
                                   AND s.quantity < s.minimum)::int AS low
                        FROM resource_warehouse t WHERE""" + " " + inScope.sql() + " ORDER BY low DESC, t.name")
                .params(inScope.params())
                .query((rs, i) -> new Listed(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("keeper"),
                        rs.getString("address"), rs.getString("status"), rs.getString("region_code"),
                        rs.getInt("items"), rs.getInt("low")))
                .list();
    }

    /** A warehouse with its items, or empty when missing or outside the scope. */
    Optional<Warehouse> find(UUID id, DataScope scope, Stock stock) {
        DataScope.SqlPredicate inScope = scope.predicate("t.region_code");
        return jdbc.sql("SELECT t.* FROM resource_warehouse t WHERE t.id = :id AND " + inScope.sql())
                .params(inScope.params()).param("id", id)
                .query((rs, i) -> new Warehouse(id, rs.getString("name"), rs.getString("keeper"),
                        rs.getString("address"), rs.getString("status"), rs.getDouble("lon"), rs.getDouble("lat"),
                        rs.getString("region_code"), rs.getInt("version"), stock.items(id)))
                .optional();
    }
}

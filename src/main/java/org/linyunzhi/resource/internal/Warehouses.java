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
                     String regionCode, List<Stock.Item> items) {
    }

    /** Files a warehouse under the micro-grid at its position; its items are added afterwards. */
    @Transactional
    UUID create(NewWarehouse w, DataScope scope) {
        String name = Fields.required("name", w.name(), 100);
        String keeper = Fields.optional("keeper", w.keeper(), 50);
        String address = Fields.required("address", w.address(), 200);
        String region = siting.regionOf(w.lon(), w.lat(), scope);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO resource_warehouse (id, name, keeper, address, lon, lat, position, region_code)
                        VALUES (:id, :name, :keeper, :address, :lon, :lat, point(:lon, :lat), :region)""")
                .param("id", id).param("name", name).param("keeper", keeper).param("address", address)
                .param("lon", w.lon()).param("lat", w.lat()).param("region", region).update();
        return id;
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
                        rs.getString("region_code"), stock.items(id)))
                .optional();
    }
}

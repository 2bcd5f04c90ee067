package org.linyunzhi.resource.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.resource.LowStockDetected;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock items and their movements. A movement changes the quantity in one conditional UPDATE, so
 * two people taking the last life jackets at once cannot both succeed, and stock never goes below
 * zero: the movement that would take it there is refused, naming what is left. An item that falls
 * below its minimum is flagged and announces {@link LowStockDetected} once per crossing.
 */
@Component
class Stock {

    static final int MAX_MOVE = 1_000_000;
    /** far above any town's store, far below the int column's limit */
    static final int MAX_QUANTITY = 100_000_000;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Stock(JdbcClient jdbc, ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    enum Direction { IN, OUT }

    record Item(UUID id, UUID warehouseId, String item, String unit, int quantity, int minimum, int version) {

        public boolean low() {
            return quantity < minimum;
        }
    }

    record Movement(long seq, Direction direction, int quantity, int balanceAfter, String reason, String byName,
                    Instant movedAt) {
    }

    /** A low item for the alerts page. */
    record Alert(UUID warehouseId, String warehouseName, String regionCode, UUID stockId, String item, String unit,
                 int quantity, int minimum) {

        public int shortfall() {
            return minimum - quantity;
        }
    }

    /** Adds an item to a warehouse with no stock yet; stock arrives by an IN movement. */
    @Transactional
    UUID addItem(UUID warehouseId, String item, String unit, Integer minimum, DataScope scope) {
        String name = Fields.required("item", item, 50);
        String unitName = Fields.required("unit", unit, 10);
        int min = Fields.count("minimum", minimum, MAX_QUANTITY);
        warehouseRegion(warehouseId, scope).orElseThrow(ResourceRefused::notFound);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                            INSERT INTO resource_stock (id, warehouse_id, item, unit, quantity, minimum)
                            VALUES (:id, :warehouse, :item, :unit, 0, :minimum)""")
                    .param("id", id).param("warehouse", warehouseId).param("item", name).param("unit", unitName)
                    .param("minimum", min).update();
        } catch (DuplicateKeyException twice) {
            throw ResourceRefused.badInput("item", "resource.error.duplicateItem", name);
        }
        return id;
    }

    /**
     * Moves stock in or out. Refused, with nothing written: an unknown direction, a quantity that is
     * not 1..1,000,000, a missing reason, an item outside the caller's scope (404), and taking out
     * more than is there (409, saying how much is left).
     */
    @Transactional
    Item move(UUID stockId, String direction, Integer quantity, String reason, UUID byUser, String byName,
              DataScope scope) {
        Direction way = Fields.oneOf("direction", Direction.class, direction);
        if (quantity == null) {
            throw ResourceRefused.badInput("quantity", "resource.error.required");
        }
        if (quantity < 1 || quantity > MAX_MOVE) {
            throw ResourceRefused.badInput("quantity", "resource.error.moveQuantity", MAX_MOVE);
        }
        String why = Fields.required("reason", reason, 200);
        // read only to tell "not yours or not there" (404) apart from "not enough" (409) below
        item(stockId, scope).orElseThrow(ResourceRefused::notFound);
        int delta = way == Direction.IN ? quantity : -quantity;
        Optional<Item> after = jdbc.sql("""
                        UPDATE resource_stock SET quantity = quantity + :delta, version = version + 1
                        WHERE id = :id AND quantity + :delta BETWEEN 0 AND :max
                        RETURNING id, warehouse_id, item, unit, quantity, minimum, version""")
                .param("delta", delta).param("id", stockId).param("max", MAX_QUANTITY)
                .query(Stock::item).optional();
        if (after.isEmpty()) {
            // the quantity read before may be stale; say what is there now
            Item now = item(stockId, scope).orElseThrow(ResourceRefused::notFound);
            if (way == Direction.OUT) {
                throw ResourceRefused.conflict("resource.error.belowZero", now.item(), now.quantity(), now.unit(), quantity);
            }
            throw ResourceRefused.badInput("quantity", "resource.error.overMaximum", MAX_QUANTITY, now.unit());
        }
        Item moved = after.get();
        jdbc.sql("""
                        INSERT INTO resource_stock_movement (id, stock_id, direction, quantity, balance_after, reason,
                            by_user, by_name, moved_at)
                        VALUES (:id, :stock, :direction, :quantity, :balance, :reason, :byUser, :byName, :at)""")
                .param("id", UUID.randomUUID()).param("stock", stockId).param("direction", way.name())
                .param("quantity", quantity).param("balance", moved.quantity()).param("reason", why)
                .param("byUser", byUser).param("byName", byName).param("at", Timestamp.from(clock.instant()))
                .update();
        // the balance before this movement is the one just replaced, whatever was read earlier
        int previous = moved.quantity() - delta;
        if (previous >= moved.minimum() && moved.low()) {
            String warehouseName = jdbc.sql("SELECT name FROM resource_warehouse WHERE id = :id")
                    .param("id", moved.warehouseId()).query(String.class).single();
            events.publishEvent(new LowStockDetected(moved.warehouseId(), warehouseName,
                    warehouseRegion(moved.warehouseId(), DataScope.all()).orElseThrow(), stockId, moved.item(),
                    moved.unit(), moved.quantity(), moved.minimum()));
        }
        return moved;
    }

    Optional<Item> item(UUID stockId, DataScope scope) {
        DataScope.SqlPredicate inScope = scope.predicate("w.region_code");
        return jdbc.sql("SELECT s.* FROM resource_stock s JOIN resource_warehouse w ON w.id = s.warehouse_id"
                        + " WHERE s.id = :id AND " + inScope.sql())
                .params(inScope.params()).param("id", stockId).query(Stock::item).optional();
    }

    List<Item> items(UUID warehouseId) {
        return jdbc.sql("SELECT * FROM resource_stock WHERE warehouse_id = :id ORDER BY quantity < minimum DESC, item")
                .param("id", warehouseId).query(Stock::item).list();
    }

    List<Movement> movements(UUID stockId, int limit) {
        return jdbc.sql("SELECT * FROM resource_stock_movement WHERE stock_id = :id ORDER BY seq DESC LIMIT :limit")
                .param("id", stockId).param("limit", limit)
                .query((rs, i) -> new Movement(rs.getLong("seq"), Direction.valueOf(rs.getString("direction")),
                        rs.getInt("quantity"), rs.getInt("balance_after"), rs.getString("reason"),
                        rs.getString("by_name"), rs.getTimestamp("moved_at").toInstant()))
                .list();
    }

    /** Every item under its minimum in scope, the worst (largest share missing) first. */
    List<Alert> alerts(DataScope scope) {
        DataScope.SqlPredicate inScope = scope.predicate("w.region_code");
        return jdbc.sql("""
                        SELECT w.id AS warehouse_id, w.name AS warehouse_name, w.region_code, s.id AS stock_id,
                               s.item, s.unit, s.quantity, s.minimum
                        FROM resource_stock s JOIN resource_warehouse w ON w.id = s.warehouse_id
                        WHERE s.quantity < s.minimum AND""" + " " + inScope.sql()
                        + " ORDER BY (s.minimum - s.quantity)::float / s.minimum DESC, w.name, s.item")
                .params(inScope.params())
                .query((rs, i) -> new Alert(rs.getObject("warehouse_id", UUID.class), rs.getString("warehouse_name"),
                        rs.getString("region_code"), rs.getObject("stock_id", UUID.class), rs.getString("item"),
                        rs.getString("unit"), rs.getInt("quantity"), rs.getInt("minimum")))
                .list();
    }

    private Optional<String> warehouseRegion(UUID warehouseId, DataScope scope) {
        DataScope.SqlPredicate inScope = scope.predicate("w.region_code");
        return jdbc.sql("SELECT w.region_code FROM resource_warehouse w WHERE w.id = :id AND " + inScope.sql())
                .params(inScope.params()).param("id", warehouseId).query(String.class).optional();
    }

    private static Item item(ResultSet rs, int i) throws SQLException {
        return new Item(rs.getObject("id", UUID.class), rs.getObject("warehouse_id", UUID.class), rs.getString("item"),
                rs.getString("unit"), rs.getInt("quantity"), rs.getInt("minimum"), rs.getInt("version"));
    }
}

package org.linyunzhi.resource.internal;

import org.linyunzhi.resource.ResourceKind;

/**
 * Where each kind of resource is stored and how its map row is read: the same ten columns for every
 * kind (id, name, status, lon, lat, region_code, three numbers and a text for the popup summary),
 * so one query shape and one row mapper serve the three tables. Table names come only from here,
 * never from input.
 */
enum PlaceTable {

    RESCUE_TEAM(ResourceKind.RESCUE_TEAM, "resource_team", """
            SELECT t.id, t.name, t.status, t.lon, t.lat, t.region_code,
                   (SELECT count(*) FROM resource_team_member m WHERE m.team_id = t.id)::int AS n1,
                   0 AS n2, 0 AS n3,
                   -- the scarce, big items (boats, pumps) say more about a team than its 40 life jackets
                   (SELECT string_agg(e.item || ' ' || e.quantity, ' · ' ORDER BY e.quantity, e.item)
                      FROM (SELECT item, quantity FROM resource_team_equipment e
                             WHERE e.team_id = t.id ORDER BY quantity, item LIMIT 2) e) AS txt
            """, "resource.summary.team"),

    SHELTER(ResourceKind.SHELTER, "resource_shelter", """
            SELECT t.id, t.name, CASE WHEN t.open THEN 'OPEN' ELSE 'CLOSED' END AS status, t.lon, t.lat,
                   t.region_code, t.capacity_day AS n1, t.capacity_night AS n2, t.occupancy AS n3, '' AS txt
            """, "resource.summary.shelter"),

    WAREHOUSE(ResourceKind.WAREHOUSE, "resource_warehouse", """
            SELECT t.id, t.name, t.status, t.lon, t.lat, t.region_code,
                   (SELECT count(*) FROM resource_stock s WHERE s.warehouse_id = t.id)::int AS n1,
                   (SELECT count(*) FROM resource_stock s WHERE s.warehouse_id = t.id
                       AND s.quantity < s.minimum)::int AS n2,
                   0 AS n3, '' AS txt
            """, "resource.summary.warehouse");

    final ResourceKind kind;
    final String table;
    /** the SELECT list, ending before FROM */
    final String select;
    final String summaryKey;

    PlaceTable(ResourceKind kind, String table, String select, String summaryKey) {
        this.kind = kind;
        this.table = table;
        this.select = select;
        this.summaryKey = summaryKey;
    }

    static PlaceTable of(ResourceKind kind) {
        return valueOf(kind.name());
    }

    /** {@code SELECT ... FROM table t}, ready for a WHERE. */
    String from() {
        return select + " FROM " + table + " t";
    }
}

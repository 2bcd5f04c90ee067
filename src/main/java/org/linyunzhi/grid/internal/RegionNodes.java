package org.linyunzhi.grid.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.grid.DedicatedType;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.VillageKind;
import org.linyunzhi.identity.DataScope;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored region tree. Subtrees are code prefixes ({@code code LIKE '330109107201%'}), which is
 * what lets a data scope be one predicate and an import replace one subtree.
 */
@Repository
class RegionNodes {

    /**
     * A node with its parent's code, its box and centroid split into numbers (PostgreSQL's box
     * keeps the upper-right corner first), and its child count for the lazy tree's toggles; the
     * count uses the (parent_id, code) index, one probe per row of a page.
     */
    private static final String SELECT = """
            SELECT n.id, n.code, n.name, n.level, n.village_kind, n.dedicated_type, p.code AS parent_code,
                   (n.bbox[1])[0] AS min_lon, (n.bbox[1])[1] AS min_lat, (n.bbox[0])[0] AS max_lon, (n.bbox[0])[1] AS max_lat,
                   n.centroid[0] AS c_lon, n.centroid[1] AS c_lat, n.area_m2, n.version,
                   (SELECT count(*) FROM grid_region_node c WHERE c.parent_id = n.id) AS child_count
              FROM grid_region_node n LEFT JOIN grid_region_node p ON p.id = n.parent_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    RegionNodes(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

/** A node within the scope; empty when missing or outside it (both answer 404). */
    Optional<StoredNode> find(String code, DataScope scope) {
        var in = scope.predicate("n.code");
        return jdbc.sql(SELECT + " WHERE n.code = :code AND " + in.sql())
                .param("code", code).params(in.params())
                .query(RegionNodes::node).optional();
    }

    /** Ancestors and the node itself, town first; ancestors' codes are prefixes of the node's. */
    List<StoredNode> path(String code) {
        List<String> prefixes = new ArrayList<>();
        for (RegionLevel level : RegionLevel.values()) {
            if (level.codeLength() <= code.length() && level != RegionLevel.DEDICATED_MICRO_GRID) {
                prefixes.add(code.substring(0, level.codeLength()));
            }
        }
        return jdbc.sql(SELECT + " WHERE n.code IN (:codes) ORDER BY length(n.code)")
                .param("codes", prefixes).query(RegionNodes::node).list();
    }

    /** A page of children in code order; with no parent code, the top nodes the scope can see. */
    List<StoredNode> children(String parentCode, DataScope scope, int limit, int offset) {
        var in = scope.predicate("n.code");
        String where = parentCode == null ? topOfScope(scope) : "p.code = :parent";
        return jdbc.sql(SELECT + " WHERE " + where + " AND " + in.sql() + " ORDER BY n.code LIMIT :limit OFFSET :offset")
                .param("parent", parentCode).param("scopeTop", scope.regionCode()).params(in.params())
                .param("limit", limit).param("offset", offset)
                .query(RegionNodes::node).list();
    }

    /** Every child of a node, or every town when code is null, regardless of scope (module API). */
    List<StoredNode> childrenOrTowns(String code) {
        return code == null ? top(DataScope.all(), 1000) : children(code, DataScope.all(), 10_000, 0);
    }

    /** Towns for the whole platform; the node a user is bound to otherwise. */
    private static String topOfScope(DataScope scope) {
        return scope.kind() == DataScope.Kind.ALL || scope.regionCode() == null
                ? "n.parent_id IS NULL" : "n.code = :scopeTop";
    }

    List<StoredNode> top(DataScope scope, int limit) {
        var in = scope.predicate("n.code");
        return jdbc.sql(SELECT + " WHERE " + topOfScope(scope) + " AND " + in.sql() + " ORDER BY n.code LIMIT :limit")
                .params(in.params()).param("scopeTop", scope.regionCode()).param("limit", limit)
                .query(RegionNodes::node).list();
    }

    /** Nodes of one level within the scope, in code order (for filters: the villages of a town). */
    List<StoredNode> ofLevel(RegionLevel level, DataScope scope, int limit) {
        var in = scope.predicate("n.code");
        return jdbc.sql(SELECT + " WHERE n.level = :level AND " + in.sql() + " ORDER BY n.code LIMIT :limit")
                .param("level", level.name()).params(in.params()).param("limit", limit)
                .query(RegionNodes::node).list();
    }

    /** Name substring or code prefix, shallow levels first. */
    List<StoredNode> search(String query, DataScope scope, int limit) {
        var in = scope.predicate("n.code");
        // the user's text is a LIKE pattern: its own wildcards must match literally
        String escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return jdbc.sql(SELECT + " WHERE (n.name ILIKE :name OR n.code LIKE :prefix) AND " + in.sql()
                        + " ORDER BY length(n.code), n.code LIMIT :limit")
                .param("name", "%" + escaped + "%").param("prefix", escaped + "%")
                .params(in.params()).param("limit", limit)
                .query(RegionNodes::node).list();
    }

/** A node's polygon as stored (GeoJSON text). */
    Optional<String> boundary(String code) {
        return jdbc.sql("SELECT boundary::text FROM grid_region_node WHERE code = :code")
                .param("code", code).query(String.class).optional();
    }

    /** Every node of a level below a root (or everywhere) with its polygon, for maps and indexes. */
    List<ShapeRow> shapes(String rootCode, RegionLevel level) {
        return jdbc.sql("""
                        SELECT n.code, n.name, n.level, n.village_kind, n.dedicated_type, p.code AS parent_code,
                               n.boundary::text AS boundary
                          FROM grid_region_node n LEFT JOIN grid_region_node p ON p.id = n.parent_id
                         WHERE n.code LIKE :prefix AND (CAST(:level AS text) IS NULL OR n.level = :level)
                         ORDER BY length(n.code), n.code
                        """)
                .param("prefix", (rootCode == null ? "" : rootCode) + "%")
                .param("level", level == null ? null : level.name())
                .query((rs, i) -> new ShapeRow(rs.getString("code"), rs.getString("name"),
                        RegionLevel.valueOf(rs.getString("level")), kind(rs), type(rs),
                        rs.getString("parent_code"), rs.getString("boundary")))
                .list();
    }

    /** A node with its GeoJSON boundary text. */
    record ShapeRow(String code, String name, RegionLevel level, VillageKind villageKind,
                    DedicatedType dedicatedType, String parentCode, String boundary) {
    }

/** Ids of the stored nodes of a subtree by code, so an import updates them in place. */
    Map<String, UUID> idsUnder(String rootCode) {
        Map<String, UUID> ids = new HashMap<>();
        jdbc.sql("SELECT code, id FROM grid_region_node WHERE code LIKE :prefix")
                .param("prefix", rootCode + "%")
                .query((ResultSet rs) -> {
                    ids.put(rs.getString(1), rs.getObject(2, UUID.class));
                });
        return ids;
    }

/** The id of one node, whatever the scope (for the parent of an import's root). */
    Optional<UUID> idOf(String code) {
        return jdbc.sql("SELECT id FROM grid_region_node WHERE code = :code").param("code", code)
                .query(UUID.class).optional();
    }

    /** Removes the nodes of a subtree that an import no longer lists; their rosters go with them. */
    int deleteUnder(String rootCode, List<String> keep) {
        return jdbc.sql("DELETE FROM grid_region_node WHERE code LIKE :prefix AND NOT (code = ANY(:keep))")
                .param("prefix", rootCode + "%")
                .param("keep", keep.toArray(String[]::new))
                .update();
    }

    /** A node as an import writes it. */
    record NodeRow(UUID id, UUID parentId, RegionLevel level, String code, String name, VillageKind villageKind,
                   DedicatedType dedicatedType, String boundary, Envelope bbox, Point centroid, double areaM2) {
    }

    /**
     * Inserts or updates by code in one batch; rows that did not change are left alone (their
     * version stays), so a repeated import of the same tree changes nothing.
     *
     * @return per row: 1 when written, 0 when unchanged
     */
    int[] upsert(List<NodeRow> rows) {
        int[][] counts = batch.batchUpdate("""
                INSERT INTO grid_region_node (id, parent_id, level, code, name, village_kind, dedicated_type,
                                              boundary, bbox, centroid, area_m2)
                VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS box), CAST(? AS point), ?)
                ON CONFLICT (code) DO UPDATE SET
                    parent_id = EXCLUDED.parent_id, level = EXCLUDED.level, name = EXCLUDED.name,
                    village_kind = EXCLUDED.village_kind, dedicated_type = EXCLUDED.dedicated_type,
                    boundary = EXCLUDED.boundary, bbox = EXCLUDED.bbox, centroid = EXCLUDED.centroid,
                    area_m2 = EXCLUDED.area_m2, version = grid_region_node.version + 1, updated_at = now()
                WHERE (grid_region_node.parent_id, grid_region_node.name, grid_region_node.level,
                       grid_region_node.village_kind, grid_region_node.dedicated_type, grid_region_node.boundary)
                      IS DISTINCT FROM
                      (EXCLUDED.parent_id, EXCLUDED.name, EXCLUDED.level,
                       EXCLUDED.village_kind, EXCLUDED.dedicated_type, EXCLUDED.boundary)
                """, rows, 500, (ps, r) -> {
            ps.setObject(1, r.id());
            ps.setObject(2, r.parentId());
            ps.setString(3, r.level().name());
            ps.setString(4, r.code());
            ps.setString(5, r.name());
            ps.setString(6, r.villageKind() == null ? null : r.villageKind().name());
            ps.setString(7, r.dedicatedType() == null ? null : r.dedicatedType().name());
            ps.setString(8, r.boundary());
            ps.setString(9, box(r.bbox()));
            ps.setString(10, "(" + r.centroid().getX() + "," + r.centroid().getY() + ")");
            ps.setDouble(11, r.areaM2());
        });
        return java.util.Arrays.stream(counts).flatMapToInt(java.util.Arrays::stream).toArray();
    }

    static String box(Envelope e) {
        return "((" + e.getMaxX() + "," + e.getMaxY() + "),(" + e.getMinX() + "," + e.getMinY() + "))";
    }

    /** Changes a node's name if nobody changed the node since {@code version} was read. */
    boolean rename(String code, String name, int version) {
        return jdbc.sql("UPDATE grid_region_node SET name = :name, version = version + 1, updated_at = now() "
                        + "WHERE code = :code AND version = :version")
                .param("name", name).param("code", code).param("version", version).update() == 1;
    }

    boolean reshape(String code, String boundary, Envelope bbox, Point centroid, double areaM2, int version) {
        return jdbc.sql("""
                        UPDATE grid_region_node SET boundary = CAST(:boundary AS jsonb), bbox = CAST(:bbox AS box),
                               centroid = CAST(:centroid AS point), area_m2 = :area, version = version + 1, updated_at = now()
                         WHERE code = :code AND version = :version
                        """)
                .param("boundary", boundary).param("bbox", box(bbox))
                .param("centroid", "(" + centroid.getX() + "," + centroid.getY() + ")")
                .param("area", areaM2).param("code", code).param("version", version).update() == 1;
    }

    /**
     * Serialises changes of the tree: every writer takes this row lock first, then bumps the
     * version in the same transaction, so each node of a cluster can see that it must rebuild.
     */
    void lockTree() {
        jdbc.sql("SELECT version FROM grid_tree_state WHERE id = 1 FOR UPDATE").query(Long.class).single();
    }

/** Moves the tree version on; called in the transaction that changed the tree. */
    long bumpVersion() {
        return jdbc.sql("UPDATE grid_tree_state SET version = version + 1, changed_at = now() WHERE id = 1 RETURNING version")
                .query(Long.class).single();
    }

/** The stored tree version, read every few seconds by each application node. */
    long version() {
        return jdbc.sql("SELECT version FROM grid_tree_state WHERE id = 1").query(Long.class).single();
    }

    private static StoredNode node(ResultSet rs, int row) throws SQLException {
        return new StoredNode(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                RegionLevel.valueOf(rs.getString("level")), kind(rs), type(rs), rs.getString("parent_code"),
                rs.getDouble("min_lon"), rs.getDouble("min_lat"), rs.getDouble("max_lon"), rs.getDouble("max_lat"),
                rs.getDouble("c_lon"), rs.getDouble("c_lat"), rs.getDouble("area_m2"), rs.getInt("version"),
                rs.getInt("child_count"));
    }

    private static VillageKind kind(ResultSet rs) throws SQLException {
        String v = rs.getString("village_kind");
        return v == null ? null : VillageKind.valueOf(v);
    }

    private static DedicatedType type(ResultSet rs) throws SQLException {
        String v = rs.getString("dedicated_type");
        return v == null ? null : DedicatedType.valueOf(v);
    }
}

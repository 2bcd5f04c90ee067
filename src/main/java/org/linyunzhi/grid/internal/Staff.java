package org.linyunzhi.grid.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.linyunzhi.grid.StaffMember;
import org.linyunzhi.grid.StaffRole;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored staff members and their roles on region nodes. */
@Repository
class Staff {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Staff(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A role held on a node, with the holder's details. */
    record RosterLine(UUID assignmentId, String nodeCode, StaffRole role, UUID staffId, String personKey,
                      String name, String gender, String phone) {
    }

    private static final String ROSTER = """
            SELECT a.id, n.code, a.role, s.id AS staff_id, s.person_key, s.name, s.gender, s.phone
              FROM grid_staff_assignment a
              JOIN grid_region_node n ON n.id = a.node_id
              JOIN grid_staff_member s ON s.id = a.staff_id
            """;

    /** Rosters of several nodes, in role order then name. */
    List<RosterLine> rosters(Collection<String> nodeCodes) {
        if (nodeCodes.isEmpty()) {
            return List.of();
        }
        List<RosterLine> lines = new ArrayList<>(jdbc.sql(ROSTER + " WHERE n.code IN (:codes)")
                .param("codes", nodeCodes)
                .query((rs, i) -> new RosterLine(rs.getObject(1, UUID.class), rs.getString(2),
                        StaffRole.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)))
                .list());
        lines.sort(java.util.Comparator.comparing(RosterLine::nodeCode).reversed()
                .thenComparing(RosterLine::role).thenComparing(RosterLine::name));
        return lines;
    }

    Map<UUID, String> names(Collection<UUID> staffIds) {
        if (staffIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("SELECT id, name FROM grid_staff_member WHERE id IN (:ids)").param("ids", staffIds)
                .query(rs -> {
                    names.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return names;
    }

    List<RosterLine> roster(String nodeCode) {
        return rosters(List.of(nodeCode));
    }

    /** Role holders of several nodes with their linked accounts, in node, role and name order. */
    List<StaffMember> members(Collection<String> nodeCodes) {
        if (nodeCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT s.id, s.name, a.role, n.code, s.user_id
                          FROM grid_staff_assignment a
                          JOIN grid_region_node n ON n.id = a.node_id
                          JOIN grid_staff_member s ON s.id = a.staff_id
                         WHERE n.code = ANY(:codes)
                         ORDER BY n.code, a.role, s.name
                        """)
                .param("codes", nodeCodes.toArray(String[]::new))
                .query((rs, i) -> new StaffMember(rs.getObject(1, UUID.class), rs.getString(2),
                        StaffRole.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, UUID.class)))
                .list();
    }

    List<UUID> linkedTo(UUID userId) {
        return jdbc.sql("SELECT id FROM grid_staff_member WHERE user_id = :user ORDER BY created_at")
                .param("user", userId).query(UUID.class).list();
    }

    boolean link(UUID staffId, UUID userId) {
        return jdbc.sql("UPDATE grid_staff_member SET user_id = :user, version = version + 1, updated_at = now() WHERE id = :id")
                .param("user", userId).param("id", staffId).update() == 1;
    }

    /** How many people hold a role on a node now. */
    int countInRole(UUID nodeId, StaffRole role) {
        return jdbc.sql("SELECT count(*) FROM grid_staff_assignment WHERE node_id = :node AND role = :role")
                .param("node", nodeId).param("role", role.name()).query(Integer.class).single();
    }

/** Whether the person already holds this role on this node. */
    boolean holds(UUID nodeId, UUID staffId, StaffRole role) {
        return jdbc.sql("SELECT count(*) FROM grid_staff_assignment WHERE node_id = :node AND staff_id = :staff AND role = :role")
                .param("node", nodeId).param("staff", staffId).param("role", role.name())
                .query(Integer.class).single() > 0;
    }

    /** The person with this work phone, if one is on file; the phone identifies people added by hand. */
    java.util.Optional<UUID> byPhone(String phone) {
        return jdbc.sql("SELECT id FROM grid_staff_member WHERE phone = :phone ORDER BY created_at LIMIT 1")
                .param("phone", phone).query(UUID.class).optional();
    }

/** Files a new person; the key is generated for people added by hand. */
    UUID addMember(String personKey, String name, String gender, String phone, UUID userId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO grid_staff_member (id, person_key, name, gender, phone, user_id) "
                        + "VALUES (:id, :key, :name, :gender, :phone, :user)")
                .param("id", id).param("key", personKey).param("name", name).param("gender", gender)
                .param("phone", phone).param("user", userId).update();
        return id;
    }

/** Puts a person in a role on a node; the rules were checked by the caller under the node lock. */
    void assign(UUID nodeId, UUID staffId, StaffRole role) {
        jdbc.sql("INSERT INTO grid_staff_assignment (id, node_id, staff_id, role) VALUES (:id, :node, :staff, :role)")
                .param("id", UUID.randomUUID()).param("node", nodeId).param("staff", staffId)
                .param("role", role.name()).update();
    }

/** Removes one assignment of this node; false when it is not this node's (or gone). */
    boolean unassign(UUID nodeId, UUID assignmentId) {
        return jdbc.sql("DELETE FROM grid_staff_assignment WHERE id = :id AND node_id = :node")
                .param("id", assignmentId).param("node", nodeId).update() == 1;
    }

    /** Locks a node's row so two people filling the last member seat cannot both succeed. */
    void lockNode(UUID nodeId) {
        jdbc.sql("SELECT id FROM grid_region_node WHERE id = :id FOR UPDATE").param("id", nodeId)
                .query(UUID.class).single();
    }

    // ---- bulk operations of the roster import ----

/** Ids of the people already on file, by person key, so an import keeps their ids. */
    Map<String, UUID> membersByKey(Collection<String> keys) {
        Map<String, UUID> ids = new HashMap<>();
        jdbc.sql("SELECT person_key, id FROM grid_staff_member WHERE person_key = ANY(:keys)")
                .param("keys", keys.toArray(String[]::new))
                .query((java.sql.ResultSet rs) -> {
                    ids.put(rs.getString(1), rs.getObject(2, UUID.class));
                });
        return ids;
    }

/** A person as the roster import writes it. */
    record MemberRow(UUID id, String personKey, String name, String gender, String phone) {
    }

/** Inserts new people and updates changed ones in batches; unchanged rows are not rewritten. */
    void upsertMembers(List<MemberRow> rows) {
        batch.batchUpdate("""
                INSERT INTO grid_staff_member (id, person_key, name, gender, phone) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (person_key) DO UPDATE SET name = EXCLUDED.name, gender = EXCLUDED.gender,
                    phone = EXCLUDED.phone, version = grid_staff_member.version + 1, updated_at = now()
                WHERE (grid_staff_member.name, grid_staff_member.gender, grid_staff_member.phone)
                      IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.gender, EXCLUDED.phone)
                """, rows, 1000, (ps, r) -> {
            ps.setObject(1, r.id());
            ps.setString(2, r.personKey());
            ps.setString(3, r.name());
            ps.setString(4, r.gender());
            ps.setString(5, r.phone());
        });
    }

/** Empties the rosters of the nodes an import is about to refill. */
    int clearRosters(Collection<UUID> nodeIds) {
        return jdbc.sql("DELETE FROM grid_staff_assignment WHERE node_id = ANY(:nodes)")
                .param("nodes", nodeIds.toArray(UUID[]::new)).update();
    }

/** A role on a node as the roster import writes it. */
    record AssignmentRow(UUID nodeId, UUID staffId, StaffRole role) {
    }

/** Writes assignments in batches of a thousand. */
    void insertAssignments(List<AssignmentRow> rows) {
        batch.batchUpdate("INSERT INTO grid_staff_assignment (id, node_id, staff_id, role) VALUES (?, ?, ?, ?)",
                rows, 1000, (ps, r) -> {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, r.nodeId());
                    ps.setObject(3, r.staffId());
                    ps.setString(4, r.role().name());
                });
    }

    /** Role counts per staffed node (grids and micro-grids) under a code prefix. */
    record NodeStaffing(String code, String name, String level, Map<StaffRole, Integer> counts) {
    }

    List<NodeStaffing> staffing(String prefix, String scopeSql, Map<String, Object> scopeParams) {
        Map<String, NodeStaffing> byCode = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        SELECT n.code, n.name, n.level, a.role, count(a.id) AS holders
                          FROM grid_region_node n LEFT JOIN grid_staff_assignment a ON a.node_id = n.id
                         WHERE n.level IN ('GRID', 'MICRO_GRID', 'DEDICATED_MICRO_GRID') AND n.code LIKE :prefix
                        """ + " AND (" + scopeSql + ")" + """
                         GROUP BY n.code, n.name, n.level, a.role
                         ORDER BY n.code
                        """)
                .param("prefix", prefix + "%").params(scopeParams)
                .query((java.sql.ResultSet rs) -> {
                    NodeStaffing node = byCode.computeIfAbsent(rs.getString(1), c -> {
                        try {
                            return new NodeStaffing(c, rs.getString(2), rs.getString(3), new java.util.EnumMap<>(StaffRole.class));
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    String role = rs.getString(4);
                    if (role != null) {
                        node.counts().put(StaffRole.valueOf(role), rs.getInt(5));
                    }
                });
        return new ArrayList<>(byCode.values());
    }
}

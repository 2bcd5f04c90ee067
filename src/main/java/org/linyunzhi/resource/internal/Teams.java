package org.linyunzhi.resource.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Rescue teams with their members and equipment; every read and write inside the caller's data scope. */
@Component
class Teams {

    static final int MAX_MEMBERS = 200;

    private final JdbcClient jdbc;
    private final Siting siting;

    Teams(JdbcClient jdbc, Siting siting) {
        this.jdbc = jdbc;
        this.siting = siting;
    }

    record Member(String name, String phone, MemberRole role) {
    }

    record Equipment(String item, String unit, int quantity) {
    }

    /** A team as filed; the status defaults to STANDBY, members' roles to MEMBER. */
    record NewTeam(String name, String type, String status, String address, Double lon, Double lat,
                   List<Member> members, List<Equipment> equipment) {
    }

    /** A team in a list: enough to choose one. */
    record Listed(UUID id, String name, TeamType type, TeamStatus status, String address, String regionCode,
                  int members) {
    }

    record Team(UUID id, String name, TeamType type, TeamStatus status, String address, double lon, double lat,
                String regionCode, int version, List<Member> members, List<Equipment> equipment) {
    }

    /** A team's fields after every check, and the micro-grid its position files it under. */
    private record Checked(String name, TeamType type, TeamStatus status, String address, double lon, double lat,
                           String region, List<Member> members, List<Equipment> equipment) {
    }

    /** The checks a new team and an edited one share; DEPLOYED is the dispatch's, never typed. */
    private Checked check(NewTeam t, DataScope scope) {
        String name = Fields.required("name", t.name(), 100);
        TeamType type = Fields.oneOf("type", TeamType.class, t.type());
        TeamStatus status = t.status() == null ? TeamStatus.STANDBY : Fields.oneOf("status", TeamStatus.class, t.status());
        if (!status.isSetByPeople()) {
            throw ResourceRefused.badInput("status", "resource.error.deployedByDispatch");
        }
        String address = Fields.required("address", t.address(), 200);
        List<Member> members = checkedMembers(t.members());
        List<Equipment> equipment = checkedEquipment(t.equipment());
        String region = siting.regionOf(t.lon(), t.lat(), scope);
        return new Checked(name, type, status, address, t.lon(), t.lat(), region, members, equipment);
    }

    /** Checks every field first, so a refused team leaves nothing behind, then writes team, members and equipment. */
    @Transactional
    UUID create(NewTeam t, DataScope scope) {
        Checked c = check(t, scope);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO resource_team (id, name, team_type, status, address, lon, lat, position, region_code)
                        VALUES (:id, :name, :type, :status, :address, :lon, :lat, point(:lon, :lat), :region)""")
                .param("id", id).param("name", c.name()).param("type", c.type().name()).param("status", c.status().name())
                .param("address", c.address()).param("lon", c.lon()).param("lat", c.lat()).param("region", c.region())
                .update();
        writeCrew(id, c);
        return id;
    }

    /**
     * Rewrites a team as the form has it, members and equipment replaced, guarded by the version read.
     * A deployed team keeps DEPLOYED whatever status is typed: only its dispatch may clear it.
     */
    @Transactional
    void edit(UUID id, NewTeam t, Integer expectedVersion, DataScope scope) {
        Team now = find(id, scope).orElseThrow(ResourceRefused::notFound);
        boolean deployed = now.status() == TeamStatus.DEPLOYED;
        Checked c = check(deployed ? withStatus(t, TeamStatus.STANDBY) : t, scope);
        int version = expectedVersion == null ? now.version() : expectedVersion;
        int changed = jdbc.sql("""
                        UPDATE resource_team SET name = :name, team_type = :type,
                            status = CASE WHEN status = 'DEPLOYED' THEN status ELSE :status END,
                            address = :address, lon = :lon, lat = :lat, position = point(:lon, :lat),
                            region_code = :region, version = version + 1, updated_at = now()
                        WHERE id = :id AND version = :version""")
                .param("name", c.name()).param("type", c.type().name()).param("status", c.status().name())
                .param("address", c.address()).param("lon", c.lon()).param("lat", c.lat()).param("region", c.region())
                .param("id", id).param("version", version).update();
        if (changed == 0) {
            throw ResourceRefused.conflict("resource.error.changedMeanwhile");
        }
        jdbc.sql("DELETE FROM resource_team_member WHERE team_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM resource_team_equipment WHERE team_id = :id").param("id", id).update();
        writeCrew(id, c);
    }

    private static NewTeam withStatus(NewTeam t, TeamStatus status) {
        return new NewTeam(t.name(), t.type(), status.name(), t.address(), t.lon(), t.lat(), t.members(), t.equipment());
    }

    private void writeCrew(UUID id, Checked c) {
        List<Member> members = c.members();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            jdbc.sql("INSERT INTO resource_team_member (team_id, seq, name, phone, role) VALUES (:id, :seq, :name, :phone, :role)")
                    .param("id", id).param("seq", i + 1).param("name", m.name()).param("phone", m.phone())
                    .param("role", m.role().name()).update();
        }
        for (Equipment e : c.equipment()) {
            jdbc.sql("INSERT INTO resource_team_equipment (team_id, item, unit, quantity) VALUES (:id, :item, :unit, :q)")
                    .param("id", id).param("item", e.item()).param("unit", e.unit()).param("q", e.quantity()).update();
        }
    }

    /** Teams in scope, by type then name; null filters do not filter. */
    List<Listed> list(DataScope scope, TeamType type, TeamStatus status) {
        DataScope.SqlPredicate inScope = scope.predicate("t.region_code");
        return jdbc.sql("""
                        SELECT t.id, t.name, t.team_type, t.status, t.address, t.region_code,
                               (SELECT count(*) FROM resource_team_member m WHERE m.team_id = t.id)::int AS members
                        FROM resource_team t
                        WHERE (CAST(:type AS varchar) IS NULL OR t.team_type = :type)
                          AND (CAST(:status AS varchar) IS NULL OR t.status = :status) AND""" + " " + inScope.sql()
                        + " ORDER BY t.team_type, t.name")
                .params(inScope.params()).param("type", type == null ? null : type.name())
                .param("status", status == null ? null : status.name())
                .query((rs, i) -> new Listed(rs.getObject("id", UUID.class), rs.getString("name"),
                        TeamType.valueOf(rs.getString("team_type")), TeamStatus.valueOf(rs.getString("status")),
                        rs.getString("address"), rs.getString("region_code"), rs.getInt("members")))
                .list();
    }

    /** The whole team, or empty when it is missing or outside the scope (the two are not told apart). */
    Optional<Team> find(UUID id, DataScope scope) {
        DataScope.SqlPredicate inScope = scope.predicate("t.region_code");
        return jdbc.sql("SELECT t.* FROM resource_team t WHERE t.id = :id AND " + inScope.sql())
                .params(inScope.params()).param("id", id)
                .query((rs, i) -> new Team(rs.getObject("id", UUID.class), rs.getString("name"),
                        TeamType.valueOf(rs.getString("team_type")), TeamStatus.valueOf(rs.getString("status")),
                        rs.getString("address"), rs.getDouble("lon"), rs.getDouble("lat"),
                        rs.getString("region_code"), rs.getInt("version"), members(id), equipment(id)))
                .optional();
    }

    /**
     * Sets a team's readiness by hand. DEPLOYED is the dispatch's to set and to clear, so it can be
     * neither chosen here nor left here while the team is out.
     */
    @Transactional
    void setStatus(UUID id, String status, Integer expectedVersion, DataScope scope) {
        TeamStatus next = Fields.oneOf("status", TeamStatus.class, status);
        Team team = find(id, scope).orElseThrow(ResourceRefused::notFound);
        if (!next.isSetByPeople()) {
            throw ResourceRefused.badInput("status", "resource.error.deployedByDispatch");
        }
        if (team.status() == TeamStatus.DEPLOYED) {
            throw ResourceRefused.conflict("resource.error.deployedByDispatch");
        }
        int version = expectedVersion == null ? team.version() : expectedVersion;
        int changed = jdbc.sql("""
                        UPDATE resource_team SET status = :status, version = version + 1, updated_at = now()
                        WHERE id = :id AND version = :version AND status <> 'DEPLOYED'""")
                .param("status", next.name()).param("id", id).param("version", version).update();
        if (changed == 0) {
            throw ResourceRefused.conflict("resource.error.changedMeanwhile");
        }
    }

    private List<Member> members(UUID teamId) {
        return jdbc.sql("SELECT name, phone, role FROM resource_team_member WHERE team_id = :id ORDER BY seq")
                .param("id", teamId)
                .query((rs, i) -> new Member(rs.getString("name"), rs.getString("phone"),
                        MemberRole.valueOf(rs.getString("role"))))
                .list();
    }

    private List<Equipment> equipment(UUID teamId) {
        return jdbc.sql("SELECT item, unit, quantity FROM resource_team_equipment WHERE team_id = :id ORDER BY item")
                .param("id", teamId)
                .query((rs, i) -> new Equipment(rs.getString("item"), rs.getString("unit"), rs.getInt("quantity")))
                .list();
    }

    /** Members with their names required and phones plausible; each refusal names the member by index. */
    private static List<Member> checkedMembers(List<Member> given) {
        List<Member> members = new ArrayList<>();
        if (given == null) {
            return members;
        }
        if (given.size() > MAX_MEMBERS) {
            throw ResourceRefused.badInput("members", "resource.error.tooMany", MAX_MEMBERS);
        }
        for (int i = 0; i < given.size(); i++) {
            Member m = given.get(i);
            String field = "members[" + i + "]";
            if (m == null) {
                throw ResourceRefused.badInput(field, "resource.error.required");
            }
            String phone = Fields.optional(field + ".phone", m.phone(), 20);
            if (phone != null && !phone.matches("[0-9+\\- ]{5,20}")) {
                throw ResourceRefused.badInput(field + ".phone", "resource.error.phone");
            }
            members.add(new Member(Fields.required(field + ".name", m.name(), 50), phone,
                    m.role() == null ? MemberRole.MEMBER : m.role()));
        }
        return members;
    }

    /** One row per item (the table's key), quantities from 0 up. */
    private static List<Equipment> checkedEquipment(List<Equipment> given) {
        List<Equipment> equipment = new ArrayList<>();
        if (given == null) {
            return equipment;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Equipment e = given.get(i);
            String field = "equipment[" + i + "]";
            if (e == null) {
                throw ResourceRefused.badInput(field, "resource.error.required");
            }
            String item = Fields.required(field + ".item", e.item(), 50);
            if (!seen.add(item)) {
                throw ResourceRefused.badInput(field + ".item", "resource.error.duplicateItem", item);
            }
            equipment.add(new Equipment(item, Fields.required(field + ".unit", e.unit(), 10),
                    Fields.count(field + ".quantity", e.quantity(), 1_000_000)));
        }
        return equipment;
    }
}

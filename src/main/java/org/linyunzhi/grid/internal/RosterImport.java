package org.linyunzhi.grid.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.StaffRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads rosters in bulk, all or nothing. Every node named in the entries gets exactly the roster
 * the entries give it (its previous roster is replaced); nodes not named keep theirs. People are
 * matched by {@code personKey}: a key seen before updates that person's name, gender and phone.
 */
@Service
public class RosterImport {

    private final Staff staff;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    RosterImport(Staff staff, JdbcClient jdbc, TransactionTemplate transaction) {
        this.staff = staff;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** What a roster import stored. */
    public record Result(int nodes, int people, int assignments) {
    }

    /** @throws RosterImportException naming every bad entry; nothing is stored then */
    public Result importRoster(List<RosterEntry> entries) {
        Map<String, NodeRef> nodes = nodes(entries.stream().map(RosterEntry::nodeCode).filter(c -> c != null).toList());
        List<String> problems = new ArrayList<>();
        Map<String, Staff.MemberRow> people = new LinkedHashMap<>();
        Map<String, Map<StaffRole, Integer>> holders = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            RosterEntry e = entries.get(i);
            String at = "entry " + i + " (" + e.nodeCode() + ", " + e.personKey() + "): ";
            NodeRef node = e.nodeCode() == null ? null : nodes.get(e.nodeCode());
            var role = RosterRules.role(e.role());
            var gender = RosterRules.gender(e.gender());
            if (node == null) problems.add(at + "unknown node " + e.nodeCode());
            if (role.isEmpty()) problems.add(at + "unknown role " + e.role());
            if (e.personKey() == null || e.personKey().isBlank()) problems.add(at + "personKey is missing");
            if (e.name() == null || e.name().isBlank()) problems.add(at + "name is missing");
            if (gender.isEmpty()) problems.add(at + "gender must be MALE or FEMALE, was " + e.gender());
            if (!RosterRules.validPhone(e.phone())) problems.add(at + "phone is not a phone number: " + e.phone());
            if (node == null || role.isEmpty() || e.personKey() == null || e.name() == null || gender.isEmpty()) {
                continue;
            }
            if (!seen.add(e.nodeCode() + "|" + e.personKey() + "|" + role.get())) {
                problems.add(at + "the same person is listed twice in role " + role.get());
                continue;
            }
            // limits count the entries for this node only: the import replaces the node's roster
            int now = holders.computeIfAbsent(e.nodeCode(), c -> new HashMap<>()).merge(role.get(), 1, Integer::sum) - 1;
            RosterRules.canAdd(node.level(), role.get(), now).ifPresent(rule -> problems.add(at + switch (rule) {
                case "grid.roster.error.roleNotForLevel" -> "role " + role.get() + " does not exist on a " + node.level();
                case "grid.roster.error.onlyOne" -> "a node has one " + role.get() + " only";
                default -> "a node has at most " + role.get().maximum() + " " + role.get();
            }));
            Staff.MemberRow person = new Staff.MemberRow(null, e.personKey().strip(), e.name().strip(),
                    gender.get().isEmpty() ? null : gender.get(), blankToNull(e.phone()));
            Staff.MemberRow before = people.putIfAbsent(person.personKey(), person);
            if (before != null && !before.name().equals(person.name())) {
                problems.add(at + "personKey " + person.personKey() + " is also used for " + before.name());
            }
        }
        if (!problems.isEmpty()) {
            throw new RosterImportException(problems);
        }
        return transaction.execute(status -> store(entries, nodes, people));
    }

/** Writes the validated roster: people first, then the nodes' rosters replaced in two statements. */
    private Result store(List<RosterEntry> entries, Map<String, NodeRef> nodes, Map<String, Staff.MemberRow> people) {
        Map<String, UUID> ids = new HashMap<>(staff.membersByKey(people.keySet()));
        List<Staff.MemberRow> rows = people.values().stream()
                .map(p -> new Staff.MemberRow(ids.computeIfAbsent(p.personKey(), k -> UUID.randomUUID()),
                        p.personKey(), p.name(), p.gender(), p.phone()))
                .toList();
        staff.upsertMembers(rows);
        Set<UUID> nodeIds = new LinkedHashSet<>();
        entries.forEach(e -> nodeIds.add(nodes.get(e.nodeCode()).id()));
        staff.clearRosters(nodeIds);
        List<Staff.AssignmentRow> assignments = entries.stream()
                .map(e -> new Staff.AssignmentRow(nodes.get(e.nodeCode()).id(), ids.get(e.personKey().strip()),
                        RosterRules.role(e.role()).orElseThrow()))
                .toList();
        staff.insertAssignments(assignments);
        return new Result(nodeIds.size(), rows.size(), assignments.size());
    }

    private record NodeRef(UUID id, RegionLevel level) {
    }

/** The nodes the entries name, with their levels, in one query. */
    private Map<String, NodeRef> nodes(List<String> codes) {
        Map<String, NodeRef> found = new HashMap<>();
        jdbc.sql("SELECT code, id, level FROM grid_region_node WHERE code = ANY(:codes)")
                .param("codes", new LinkedHashSet<>(codes).toArray(String[]::new))
                .query((java.sql.ResultSet rs) -> {
                    found.put(rs.getString(1), new NodeRef(rs.getObject(2, UUID.class), RegionLevel.valueOf(rs.getString(3))));
                });
        return found;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package org.linyunzhi.grid.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.StaffRole;
import org.linyunzhi.identity.DataScope;
import org.springframework.stereotype.Service;

/**
 * Which grids lack their "1+3" and which micro-grids their "一长两员", grouped by village, so a
 * town can see at a glance where staff must still be found.
 */
@Service
class StaffingCompleteness {

    private final Staff staff;
    private final RegionNodes nodes;

    StaffingCompleteness(Staff staff, RegionNodes nodes) {
        this.staff = staff;
        this.nodes = nodes;
    }

    /** A role short of its required holders on a node. */
    record Missing(StaffRole role, int required, int holders) {
    }

    record ShortNode(String code, String name, RegionLevel level, List<Missing> missing) {
    }

    record VillageGroup(String code, String name, int nodes, int shortNodes, List<ShortNode> shortOnes) {
    }

    record Report(int nodes, int shortNodes, List<VillageGroup> villages) {
    }

    /**
     * @param under only nodes under this code (a village, a grid); null for the whole scope
     * @param level only nodes of this level; null for grids and both kinds of micro-grid
     * @param role  only nodes missing this role; null for any
     */
    Report report(DataScope scope, String under, RegionLevel level, StaffRole role) {
        var in = scope.predicate("n.code");
        List<Staff.NodeStaffing> rows = staff.staffing(under == null ? "" : under, in.sql(), in.params());
        Map<String, List<Staff.NodeStaffing>> byVillage = new LinkedHashMap<>();
        for (Staff.NodeStaffing row : rows) {
            RegionLevel l = RegionLevel.valueOf(row.level());
            if (level != null && l != level) continue;
            // a node's village is the first 12 digits of its code: no join needed
            byVillage.computeIfAbsent(row.code().substring(0, RegionLevel.VILLAGE.codeLength()), v -> new ArrayList<>()).add(row);
        }
        Map<String, String> villageNames = new LinkedHashMap<>();
        for (String code : byVillage.keySet()) {
            villageNames.put(code, nodes.find(code, DataScope.all()).map(StoredNode::name).orElse(code));
        }
        List<VillageGroup> groups = new ArrayList<>();
        int total = 0;
        int totalShort = 0;
        for (var entry : byVillage.entrySet()) {
            List<ShortNode> shortOnes = new ArrayList<>();
            for (Staff.NodeStaffing row : entry.getValue()) {
                RegionLevel l = RegionLevel.valueOf(row.level());
                List<Missing> missing = StaffRole.forLevel(l).stream()
                        .filter(r -> row.counts().getOrDefault(r, 0) < r.required())
                        .map(r -> new Missing(r, r.required(), row.counts().getOrDefault(r, 0)))
                        .toList();
                if (!missing.isEmpty() && (role == null || missing.stream().anyMatch(m -> m.role() == role))) {
                    shortOnes.add(new ShortNode(row.code(), row.name(), l, missing));
                }
            }
            total += entry.getValue().size();
            totalShort += shortOnes.size();
            groups.add(new VillageGroup(entry.getKey(), villageNames.get(entry.getKey()), entry.getValue().size(),
                    shortOnes.size(), shortOnes));
        }
        return new Report(total, totalShort, groups);
    }
}

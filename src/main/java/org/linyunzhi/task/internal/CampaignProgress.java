package org.linyunzhi.task.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.DataScope;
import org.springframework.stereotype.Service;

/**
 * How far a campaign has got, per village and per grid: its tasks counted by state, how many are
 * done and how many are overdue. Node names come from two reads of the region tree, not one per row.
 */
@Service
class CampaignProgress {

    private final Campaigns campaigns;
    private final GridApi grid;

    CampaignProgress(Campaigns campaigns, GridApi grid) {
        this.campaigns = campaigns;
        this.grid = grid;
    }

    /** The tasks of one node (a village or a grid) by state. */
    record NodeProgress(String code, String name, Map<TaskState, Long> byState, long overdue) {

        @JsonProperty
        public long total() {
            return byState.values().stream().mapToLong(Long::longValue).sum();
        }

        public long count(TaskState state) {
            return byState.getOrDefault(state, 0L);
        }

        /** Approved share of the tasks not cancelled, in whole percent. */
        @JsonProperty
        public int percentDone() {
            long due = total() - count(TaskState.CANCELLED);
            return due == 0 ? 0 : (int) Math.round(100.0 * count(TaskState.APPROVED) / due);
        }
    }

    record Progress(Campaigns.Campaign campaign, NodeProgress total, List<NodeProgress> villages, List<NodeProgress> grids) {
    }

    Progress of(Campaigns.Campaign campaign, DataScope scope, Instant now) {
        Map<String, String> names = names(campaign.scopeCode());
        Map<String, NodeProgress> villages = new LinkedHashMap<>();
        Map<String, NodeProgress> grids = new LinkedHashMap<>();
        NodeProgress total = new NodeProgress(campaign.scopeCode(), names.getOrDefault(campaign.scopeCode(), campaign.scopeCode()),
                new EnumMap<>(TaskState.class), 0);
        long totalOverdue = 0;
        List<Campaigns.Count> counts = new ArrayList<>(campaigns.counts(campaign.id(), scope, now));
        counts.sort(java.util.Comparator.comparing(Campaigns.Count::regionCode));
        Map<String, Long> overdue = new HashMap<>();
        for (Campaigns.Count c : counts) {
            String village = prefix(c.regionCode(), RegionLevel.VILLAGE);
            String gridCode = prefix(c.regionCode(), RegionLevel.GRID);
            add(villages, village, names, c);
            if (gridCode != null) {
                add(grids, gridCode, names, c);
            }
            add(total, c);
            if (c.overdue()) {
                totalOverdue += c.tasks();
                overdue.merge(village, c.tasks(), Long::sum);
                if (gridCode != null) {
                    overdue.merge(gridCode, c.tasks(), Long::sum);
                }
            }
        }
        return new Progress(campaign, new NodeProgress(total.code(), total.name(), total.byState(), totalOverdue),
                withOverdue(villages, overdue), withOverdue(grids, overdue));
    }

    private static void add(Map<String, NodeProgress> rows, String code, Map<String, String> names, Campaigns.Count c) {
        if (code == null) {
            return;
        }
        add(rows.computeIfAbsent(code, k -> new NodeProgress(k, names.getOrDefault(k, k), new EnumMap<>(TaskState.class), 0)), c);
    }

    private static void add(NodeProgress row, Campaigns.Count c) {
        row.byState().merge(c.state(), c.tasks(), Long::sum);
    }

    private static List<NodeProgress> withOverdue(Map<String, NodeProgress> rows, Map<String, Long> overdue) {
        return rows.values().stream()
                .map(r -> new NodeProgress(r.code(), r.name(), r.byState(), overdue.getOrDefault(r.code(), 0L))).toList();
    }

    /** The code of the level's ancestor, or null when the code is above that level. */
    static String prefix(String code, RegionLevel level) {
        return code.length() >= level.codeLength() ? code.substring(0, level.codeLength()) : null;
    }

    /** Names of the town's villages and grids, and of the scope node itself. */
    private Map<String, String> names(String scopeCode) {
        Map<String, String> names = new HashMap<>();
        String town = scopeCode.substring(0, Math.min(scopeCode.length(), RegionLevel.TOWN.codeLength()));
        grid.node(scopeCode).ifPresent(n -> names.put(n.code(), n.name()));
        for (RegionLevel level : List.of(RegionLevel.VILLAGE, RegionLevel.GRID)) {
            for (RegionNode n : grid.descendants(town, level)) {
                names.put(n.code(), n.name());
            }
        }
        return names;
    }

}

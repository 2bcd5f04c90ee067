package org.linyunzhi.task.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.grid.StaffMember;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.task.TaskPriority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a campaign (专项行动): one task for every chosen node, all dispatched in one transaction
 * with one roster query and batch inserts, so a campaign to all 852 micro-grids of the town is a
 * matter of a second, not of 852 round trips.
 */
@Service
class CampaignDispatch {

    private final Campaigns campaigns;
    private final TaskLifecycle lifecycle;
    private final GridApi grid;

    CampaignDispatch(Campaigns campaigns, TaskLifecycle lifecycle, GridApi grid) {
        this.campaigns = campaigns;
        this.lifecycle = lifecycle;
        this.grid = grid;
    }

    record Started(Campaigns.Campaign campaign, int tasks) {
    }

    @Transactional
    Started start(CurrentUser user, CampaignRequest request) {
        Actor actor = lifecycle.actor(user);
        if (!actor.can("task:campaign") || !actor.can("task:dispatch")) {
            throw TaskRefused.forbidden("task.error.permission");
        }
        if (request.name() == null || request.name().isBlank()) {
            throw TaskRefused.badInput("name", "task.error.nameRequired");
        }
        if (request.name().strip().length() > CampaignRequest.MAX_NAME) {
            throw TaskRefused.badInput("name", "task.error.tooLong", CampaignRequest.MAX_NAME);
        }
        if (request.description() != null && request.description().length() > NewTask.MAX_TEXT) {
            throw TaskRefused.badInput("description", "task.error.tooLong", NewTask.MAX_TEXT);
        }
        if (request.type() == null) {
            throw TaskRefused.badInput("type", "task.error.typeRequired");
        }
        Instant now = lifecycle.now();
        if (request.deadline() == null) {
            throw TaskRefused.badInput("deadline", "task.error.deadlineRequired");
        }
        TaskRules.checkDeadline(request.deadline(), now);
        RegionNode root = lifecycle.targetNode(actor, request.scopeCode());
        RegionLevel level = request.level() == null ? RegionLevel.GRID : request.level();
        if (level == RegionLevel.TOWN || level.codeLength() < root.level().codeLength()) {
            throw TaskRefused.badInput("level", "task.error.levelAboveScope");
        }
        List<RegionNode> targets = targets(root, level, request);
        if (targets.isEmpty()) {
            throw TaskRefused.badInput("nodes", "task.error.noNodes");
        }
        Map<String, List<StaffMember>> rosters = new HashMap<>();
        for (StaffMember m : grid.rosters(targets.stream().map(RegionNode::code).toList())) {
            rosters.computeIfAbsent(m.nodeCode(), k -> new ArrayList<>()).add(m);
        }
        UUID campaignId = UUID.randomUUID();
        Instant deadline = request.deadline().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        TaskPriority priority = request.priority() == null ? TaskPriority.NORMAL : request.priority();
        String description = TaskRules.blankToNull(request.description());
        Issuer issuer = lifecycle.issuer(user);
        Campaigns.Campaign campaign = new Campaigns.Campaign(campaignId, request.name().strip(), description,
                request.type(), priority, deadline, root.code(), level,
                request.wholeSubtree(), user.id(), issuer.name(), issuer.departmentName(), targets.size(), now);
        campaigns.insert(campaign, issuer);
        List<Task.Details> details = new ArrayList<>(targets.size());
        for (RegionNode node : targets) {
            Assignee assignee = DefaultAssignee.of(node.level(), rosters.getOrDefault(node.code(), List.of()))
                    .map(DefaultAssignee::toAssignee).orElse(null);
            details.add(new Task.Details(campaign.name(), description, request.type(), TaskSource.CAMPAIGN, null,
                    campaignId, priority, deadline, node.code(), node.name(), assignee, null, null));
        }
        lifecycle.issueAll(details, issuer, actor);
        return new Started(campaign, targets.size());
    }

    /** The nodes that get a task: all of the level under the root, or the chosen ones, which must be among them. */
    private List<RegionNode> targets(RegionNode root, RegionLevel level, CampaignRequest request) {
        List<RegionNode> all = grid.descendants(root.code(), level);
        if (level == RegionLevel.MICRO_GRID) {
            // "every micro-grid" means the dedicated ones too: they are micro-grids with their own staff
            all = new ArrayList<>(all);
            all.addAll(grid.descendants(root.code(), RegionLevel.DEDICATED_MICRO_GRID));
            all.sort(java.util.Comparator.comparing(RegionNode::code));
        }
        if (request.wholeSubtree()) {
            return all;
        }
        Set<String> chosen = new LinkedHashSet<>();
        if (request.nodes() != null) {
            request.nodes().stream().filter(c -> c != null && !c.isBlank()).map(String::strip).forEach(chosen::add);
        }
        Map<String, RegionNode> byCode = new HashMap<>();
        all.forEach(n -> byCode.put(n.code(), n));
        List<RegionNode> picked = new ArrayList<>();
        for (String code : chosen) {
            RegionNode node = byCode.get(code);
            if (node == null) {
                throw TaskRefused.badInput("nodes", "task.error.nodeNotInScope", code);
            }
            picked.add(node);
        }
        return picked;
    }
}

package org.linyunzhi.hazard.internal.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.UserDirectory;
import org.linyunzhi.registry.RegistryPlace;
import org.linyunzhi.task.IssuedTask;
import org.linyunzhi.task.TaskApi;
import org.linyunzhi.task.TaskOrder;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a campaign: checks the request, copies the chosen registry places as its points and hands
 * the work to the grids, one patrol task per micro-grid holding points (the micro-grid head takes it,
 * as the task module's default assignee rule says), all in one transaction: a campaign never exists
 * without its points or its tasks.
 */
@Service
class CampaignIssuing {

    static final ZoneId TOWN_ZONE = ZoneId.of("Asia/Shanghai");

    private final InspectionCampaigns campaigns;
    private final TargetSelection targets;
    private final TaskApi tasks;
    private final UserDirectory users;
    private final MessageSource messages;
    private final Clock clock;

    CampaignIssuing(InspectionCampaigns campaigns, TargetSelection targets, TaskApi tasks, UserDirectory users,
                    MessageSource messages, ObjectProvider<Clock> clock) {
        this.campaigns = campaigns;
        this.targets = targets;
        this.tasks = tasks;
        this.users = users;
        this.messages = messages;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** A created campaign and how much work it made. */
    record Created(Campaign campaign, int points, int tasks) {
    }

    @Transactional
    Created create(CampaignRequest request, CurrentUser user) {
        if (!user.permissions().contains("inspection:campaign")) {
            throw InspectionRefused.forbidden("inspection.error.permission");
        }
        LocalDate today = LocalDate.now(clock.withZone(TOWN_ZONE));
        String department = department(request.department(), user.id());
        check(request, today);
        List<ChecklistItem> items = new ArrayList<>();
        UUID id = UUID.randomUUID();
        for (CampaignRequest.Item item : request.items()) {
            if (item == null || item.text() == null || item.text().isBlank()) {
                continue;
            }
            String itemDepartment = item.department() == null || item.department().isBlank() ? department
                    : item.department().strip();
            if (itemDepartment.length() > CampaignRequest.MAX_DEPARTMENT) {
                throw InspectionRefused.badInput("items", "inspection.error.tooLong", CampaignRequest.MAX_DEPARTMENT);
            }
            items.add(new ChecklistItem(UUID.randomUUID(), id, items.size() + 1, item.text().strip(), itemDepartment,
                    item.categoryCode() == null || item.categoryCode().isBlank() ? null : item.categoryCode().strip()));
        }
        if (items.isEmpty()) {
            throw InspectionRefused.badInput("items", "inspection.error.itemsRequired");
        }
        TargetRequest target = request.target() == null ? TargetRequest.empty() : request.target();
        List<RegistryPlace> places = targets.select(target);
        Campaign campaign = new Campaign(id, campaigns.nextCode(request.startsOn().getYear()), request.name().strip(),
                request.type(), department, request.startsOn(), request.endsOn(), Campaign.ACTIVE,
                TargetSelection.describe(target), user.id(), clock.instant());
        campaigns.insert(campaign, items);
        List<InspectionPoint> points = campaigns.insertPoints(id, places);
        int issued = issueTasks(campaign, points, user.id());
        return new Created(campaign, points.size(), issued);
    }

    /** One task per micro-grid, due at the end of the campaign's last day; returns how many. */
    int issueTasks(Campaign campaign, List<InspectionPoint> points, UUID issuedBy) {
        Map<String, Integer> perMicroGrid = new LinkedHashMap<>();
        points.forEach(p -> perMicroGrid.merge(p.regionCode(), 1, Integer::sum));
        Instant deadline = campaign.endsOn().plusDays(1).atStartOfDay(TOWN_ZONE).toInstant().minusSeconds(1);
        List<TaskOrder> orders = new ArrayList<>(perMicroGrid.size());
        for (Map.Entry<String, Integer> e : perMicroGrid.entrySet()) {
            String description = messages.getMessage("inspection.task.description",
                    new Object[] {campaign.code(), e.getValue()}, Locale.SIMPLIFIED_CHINESE);
            orders.add(new TaskOrder(campaign.name(), description, TaskType.PATROL, "CAMPAIGN", campaign.code(),
                    TaskPriority.NORMAL, deadline, e.getKey(), null, null, null, issuedBy));
        }
        List<IssuedTask> issued;
        try {
            issued = tasks.issueAll(orders);
        } catch (IllegalArgumentException refused) {
            // e.g. a point filed under a micro-grid the grid no longer knows: the registry needs re-routing first
            throw InspectionRefused.badInput("target", "inspection.error.taskRefused", refused.getMessage());
        }
        for (int i = 0; i < orders.size(); i++) {
            campaigns.insertTask(campaign.id(), orders.get(i).regionCode(), issued.get(i).id(), issued.get(i).number());
        }
        return perMicroGrid.size();
    }

    private String department(String requested, UUID userId) {
        if (requested != null && !requested.isBlank()) {
            if (requested.strip().length() > CampaignRequest.MAX_DEPARTMENT) {
                throw InspectionRefused.badInput("department", "inspection.error.tooLong", CampaignRequest.MAX_DEPARTMENT);
            }
            return requested.strip();
        }
        return users.byId(userId).map(UserDirectory.Person::departmentName)
                .orElseThrow(() -> InspectionRefused.badInput("department", "inspection.error.departmentRequired"));
    }

    private static void check(CampaignRequest r, LocalDate today) {
        if (r.name() == null || r.name().isBlank()) {
            throw InspectionRefused.badInput("name", "inspection.error.nameRequired");
        }
        if (r.name().strip().length() > CampaignRequest.MAX_NAME) {
            throw InspectionRefused.badInput("name", "inspection.error.tooLong", CampaignRequest.MAX_NAME);
        }
        if (r.type() == null) {
            throw InspectionRefused.badInput("type", "inspection.error.typeRequired");
        }
        if (r.startsOn() == null || r.endsOn() == null) {
            throw InspectionRefused.badInput(r.startsOn() == null ? "startsOn" : "endsOn", "inspection.error.periodRequired");
        }
        if (r.endsOn().isBefore(r.startsOn())) {
            throw InspectionRefused.badInput("endsOn", "inspection.error.periodOrder");
        }
        if (r.endsOn().isBefore(today)) {
            throw InspectionRefused.badInput("endsOn", "inspection.error.periodPast");
        }
        if (r.items() == null || r.items().size() > CampaignRequest.MAX_ITEMS) {
            throw InspectionRefused.badInput("items", r.items() == null ? "inspection.error.itemsRequired"
                    : "inspection.error.tooManyItems", CampaignRequest.MAX_ITEMS);
        }
        for (CampaignRequest.Item item : r.items()) {
            if (item != null && item.text() != null && item.text().strip().length() > CampaignRequest.MAX_ITEM_TEXT) {
                throw InspectionRefused.badInput("items", "inspection.error.tooLong", CampaignRequest.MAX_ITEM_TEXT);
            }
        }
    }
}

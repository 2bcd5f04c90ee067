package org.linyunzhi.task.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Campaign pages (专项行动): the list, the start form (a scope node, the level of the nodes that get a
 * task, all of them or a hand-picked few, loaded by htmx when the scope changes) and a campaign's
 * progress per village and grid, each count a link into the task list.
 */
@Controller
@RequestMapping("/task/campaigns")
class CampaignPages {

    static final String LIST_VIEW = "task/campaigns";
    static final String FORM_VIEW = "task/campaign-form";
    static final String PROGRESS_VIEW = "task/campaign";
    static final List<RegionLevel> LEVELS = List.of(RegionLevel.VILLAGE, RegionLevel.GRID, RegionLevel.MICRO_GRID);

    private final CampaignDispatch dispatch;
    private final Campaigns campaigns;
    private final CampaignProgress progress;
    private final TaskLifecycle lifecycle;
    private final GridApi grid;
    private final MessageSource messages;

    CampaignPages(CampaignDispatch dispatch, Campaigns campaigns, CampaignProgress progress, TaskLifecycle lifecycle,
                  GridApi grid, MessageSource messages) {
        this.dispatch = dispatch;
        this.campaigns = campaigns;
        this.progress = progress;
        this.lifecycle = lifecycle;
        this.grid = grid;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('task:view')")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("campaigns", campaigns.visible(user.scope(), 200));
        return LIST_VIEW;
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('task:campaign')")
    String newCampaign(@AuthenticationPrincipal CurrentUser user, Model model) {
        CampaignForm form = new CampaignForm();
        form.setScopeCode(SupervisionPage.boardNode(grid, user, null).code());
        return showForm(form, null, null, user, model);
    }

    /** The nodes a campaign with this scope and level would reach, as checkboxes (htmx). */
    @GetMapping("/nodes")
    @PreAuthorize("hasAuthority('task:campaign')")
    String nodes(@RequestParam String scopeCode, @RequestParam(defaultValue = "GRID") RegionLevel level,
                 @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("choices", choices(user, scopeCode, level));
        model.addAttribute("chosen", List.of());
        return FORM_VIEW + " :: nodeChoices";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('task:campaign')")
    @Audited("task.campaign.start")
    String start(CampaignForm form, @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
        try {
            CampaignDispatch.Started started = dispatch.start(user, form.toRequest());
            flash.addFlashAttribute("done", messages.getMessage("task.campaign.started", new Object[] {started.tasks()},
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            return "redirect:/task/campaigns/" + started.campaign().id();
        } catch (TaskRefused refused) {
            if (refused.kind == TaskRefused.Kind.FORBIDDEN) {
                throw refused;
            }
            return showForm(form, refused.field, TaskProblems.text(messages, refused), user, model);
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('task:view')")
    String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Campaigns.Campaign campaign = campaigns.find(id, user.scope()).orElseThrow(TaskRefused::notFound);
        model.addAttribute("progress", progress.of(campaign, user.scope(), lifecycle.now()));
        model.addAttribute("states", List.of(TaskState.DISPATCHED, TaskState.ACCEPTED, TaskState.IN_PROGRESS,
                TaskState.SUBMITTED, TaskState.RETURNED, TaskState.APPROVED));
        return PROGRESS_VIEW;
    }

    private String showForm(CampaignForm form, String errorField, String error, CurrentUser user, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errorField", errorField);
        model.addAttribute("error", error);
        model.addAttribute("types", TaskType.values());
        model.addAttribute("priorities", TaskPriority.values());
        model.addAttribute("levels", LEVELS);
        RegionNode top = SupervisionPage.boardNode(grid, user, null);
        List<RegionNode> scopes = new ArrayList<>();
        scopes.add(top);
        scopes.addAll(grid.children(top.code()));
        model.addAttribute("scopes", scopes);
        model.addAttribute("choices", choices(user, form.getScopeCode(), form.getLevel()));
        model.addAttribute("chosen", form.getNodes() == null ? List.of() : form.getNodes());
        return FORM_VIEW;
    }

    private List<RegionNode> choices(CurrentUser user, String scopeCode, RegionLevel level) {
        if (scopeCode == null || level == null || !user.scope().coversRegion(scopeCode)) {
            return List.of();
        }
        List<RegionNode> nodes = new ArrayList<>(grid.descendants(scopeCode, level));
        if (level == RegionLevel.MICRO_GRID) {
            nodes.addAll(grid.descendants(scopeCode, RegionLevel.DEDICATED_MICRO_GRID));
            nodes.sort(java.util.Comparator.comparing(RegionNode::code));
        }
        return nodes;
    }

    /** The start form as typed. */
    static class CampaignForm {
        private String name;
        private String description;
        private TaskType type = TaskType.PATROL;
        private TaskPriority priority = TaskPriority.NORMAL;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        private LocalDateTime deadline;
        private String scopeCode;
        private RegionLevel level = RegionLevel.GRID;
        private boolean wholeSubtree = true;
        private List<String> nodes;

        CampaignRequest toRequest() {
            return new CampaignRequest(name, description, type, priority,
                    deadline == null ? null : deadline.atZone(TaskNumbers.TOWN_ZONE).toInstant(), scopeCode, level,
                    wholeSubtree, nodes);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public TaskType getType() { return type; }
        public void setType(TaskType type) { this.type = type; }
        public TaskPriority getPriority() { return priority; }
        public void setPriority(TaskPriority priority) { this.priority = priority; }
        public LocalDateTime getDeadline() { return deadline; }
        public void setDeadline(LocalDateTime deadline) { this.deadline = deadline; }
        public String getScopeCode() { return scopeCode; }
        public void setScopeCode(String scopeCode) { this.scopeCode = scopeCode; }
        public RegionLevel getLevel() { return level; }
        public void setLevel(RegionLevel level) { this.level = level; }
        public boolean isWholeSubtree() { return wholeSubtree; }
        public void setWholeSubtree(boolean wholeSubtree) { this.wholeSubtree = wholeSubtree; }
        public List<String> getNodes() { return nodes; }
        public void setNodes(List<String> nodes) { this.nodes = nodes; }
    }
}

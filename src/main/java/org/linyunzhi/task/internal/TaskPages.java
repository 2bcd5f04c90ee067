package org.linyunzhi.task.internal;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.grid.StaffMember;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
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
 * The task pages: the list with the seed's columns (filters, sorting, paging, htmx swap of the
 * table, Excel export of the same filter), the issue form, and a task's page with its timeline and
 * the actions the reader may take in its state. Actions post and redirect back; a refusal comes
 * back as an inline message on the task's page.
 */
@Controller
@RequestMapping("/task/tasks")
class TaskPages {

    static final String LIST_VIEW = "task/list";
    static final String FORM_VIEW = "task/form";
    static final String DETAIL_VIEW = "task/detail";
    static final int PAGE_SIZE = 20;

    private final TaskLifecycle lifecycle;
    private final TaskSearch search;
    private final Tasks tasks;
    private final Submissions submissions;
    private final PhotoStore photos;
    private final TaskExport export;
    private final Campaigns campaigns;
    private final GridApi grid;
    private final MessageSource messages;

    TaskPages(TaskLifecycle lifecycle, TaskSearch search, Tasks tasks, Submissions submissions, PhotoStore photos,
              TaskExport export, Campaigns campaigns, GridApi grid, MessageSource messages) {
        this.lifecycle = lifecycle;
        this.search = search;
        this.tasks = tasks;
        this.submissions = submissions;
        this.photos = photos;
        this.export = export;
        this.campaigns = campaigns;
        this.grid = grid;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('task:view')")
    String list(TaskFilter filter, @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user,
                HtmxRequest htmx, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("page", search.search(filter, user.scope(), Set.of(), null, page, PAGE_SIZE, lifecycle.now()));
        } catch (TaskRefused refused) {
            // an unknown sort key: the list is refused with the reason, as the API does
            response.setStatus(TaskProblems.status(refused.kind).value());
            model.addAttribute("page", new TaskSearch.Page(List.of(), 0, PAGE_SIZE, 0));
            model.addAttribute("error", TaskProblems.text(messages, refused));
            filter = filter.withoutSort();
        }
        model.addAttribute("filter", filter);
        model.addAttribute("links", ListLinks.of(filter));
        if (htmx.isHtmxRequest() && "task-table".equals(htmx.getTarget())) {
            return LIST_VIEW + " :: table";
        }
        model.addAttribute("states", TaskState.values());
        model.addAttribute("types", TaskType.values());
        model.addAttribute("sources", TaskSource.values());
        model.addAttribute("campaigns", campaigns.visible(user.scope(), 50));
        return LIST_VIEW;
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('task:export')")
    void export(TaskFilter filter, @AuthenticationPrincipal CurrentUser user, Locale locale,
                HttpServletResponse response) throws IOException {
        writeExport(export, filter, user, locale, lifecycle.now(), response);
    }

    /** Streams the workbook; a bad sort key is refused before the headers say "spreadsheet". */
    static void writeExport(TaskExport export, TaskFilter filter, CurrentUser user, Locale locale, java.time.Instant now,
                            HttpServletResponse response) throws IOException {
        TaskSearch.orderBy(filter.sort());
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"tasks-" + LocalDate.now(TaskNumbers.TOWN_ZONE) + ".xlsx\"");
        export.write(filter, user.scope(), locale, now, response.getOutputStream());
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('task:create')")
    String newTask(@RequestParam(required = false) String node, @AuthenticationPrincipal CurrentUser user, Model model) {
        TaskForm form = new TaskForm();
        form.setRegionCode(node != null ? node : user.scope().regionCode());
        return showForm(form, null, null, user, model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('task:create')")
    @Audited("task.create")
    String create(TaskForm form, @AuthenticationPrincipal CurrentUser user, Model model) {
        try {
            Task task = lifecycle.create(user, form.toRequest());
            return "redirect:/task/tasks/" + task.id();
        } catch (TaskRefused refused) {
            if (refused.kind == TaskRefused.Kind.FORBIDDEN || refused.kind == TaskRefused.Kind.NOT_FOUND) {
                throw refused;
            }
            return showForm(form, refused.field, TaskProblems.text(messages, refused), user, model);
        }
    }

    private String showForm(TaskForm form, String errorField, String error, CurrentUser user, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errorField", errorField);
        model.addAttribute("error", error);
        model.addAttribute("types", TaskType.values());
        model.addAttribute("priorities", TaskPriority.values());
        model.addAttribute("sources", List.of(TaskSource.DEPARTMENT, TaskSource.ROUTINE, TaskSource.SELF_REPORTED));
        model.addAttribute("nodes", nodeChoices(user, form.getRegionCode()));
        return FORM_VIEW;
    }

    /** The reader's top node, its children and grandchildren: enough to pick a village, grid or micro-grid in two steps. */
    private List<RegionNode> nodeChoices(CurrentUser user, String around) {
        List<RegionNode> nodes = new ArrayList<>();
        RegionNode top = SupervisionPage.boardNode(grid, user, null);
        nodes.add(top);
        for (RegionNode child : grid.children(top.code())) {
            nodes.add(child);
            if (around != null && around.startsWith(child.code())) {
                nodes.addAll(grid.children(child.code()));
            }
        }
        return nodes;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('task:view')")
    String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Task task = tasks.find(id, user.scope()).orElseThrow(TaskRefused::notFound);
        Actor actor = lifecycle.actor(user);
        model.addAttribute("task", TaskView.of(task, lifecycle.now(), tasks.timeline(id), submissions.attachments(id)));
        model.addAttribute("can", TaskChoices.of(task, actor));
        RegionNode node = grid.node(task.regionCode()).orElse(null);
        List<RegionNode> targets = new ArrayList<>();
        if (node != null) {
            targets.add(node);
            grid.children(node.code()).stream().filter(c -> actor.covers(c.code())).forEach(targets::add);
        }
        model.addAttribute("forwardTargets", targets);
        model.addAttribute("roster", grid.rosters(List.of(task.regionCode())));
        model.addAttribute("newKey", UUID.randomUUID());
        return DETAIL_VIEW;
    }

    /** The people of a node, as options of the forward form, fetched by htmx when a node is chosen. */
    @GetMapping("/{id}/roster")
    @PreAuthorize("hasAuthority('task:dispatch')")
    String roster(@PathVariable UUID id, @RequestParam String node, @AuthenticationPrincipal CurrentUser user, Model model) {
        Task task = tasks.find(id, user.scope()).orElseThrow(TaskRefused::notFound);
        List<StaffMember> people = node.startsWith(task.regionCode()) && user.scope().coversRegion(node)
                ? grid.rosters(List.of(node)) : List.of();
        model.addAttribute("roster", people);
        return DETAIL_VIEW + " :: rosterOptions";
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @PreAuthorize("hasAuthority('task:view')")
    ResponseEntity<Resource> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId,
                                        @AuthenticationPrincipal CurrentUser user) throws IOException {
        return TaskApiController.serve(tasks, submissions, photos, id, attachmentId, user);
    }

    @PostMapping("/{id}/dispatch")
    @PreAuthorize("hasAuthority('task:dispatch')")
    @Audited("task.dispatch")
    String dispatch(@PathVariable UUID id, @RequestParam(required = false) Integer version,
                    @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        return act(id, flash, "task.done.DISPATCH", () -> lifecycle.dispatch(id, version, user));
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasAuthority('task:do')")
    @Audited("task.accept")
    String accept(@PathVariable UUID id, @RequestParam(required = false) Integer version,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        return act(id, flash, "task.done.ACCEPT", () -> lifecycle.accept(id, version, user));
    }

    @PostMapping("/{id}/check-in")
    @PreAuthorize("hasAuthority('task:do')")
    @Audited("task.checkIn")
    String checkIn(@PathVariable UUID id, @RequestParam(required = false) Integer version,
                   @RequestParam(required = false) Double lon, @RequestParam(required = false) Double lat,
                   @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        return act(id, flash, "task.done.CHECK_IN", () -> {
            Task task = lifecycle.checkIn(id, version, user, lon, lat);
            if (task.checkIn() != null && task.checkIn().outside()) {
                flash.addFlashAttribute("warning", messages.getMessage(task.checkIn().lon() == null
                        ? "task.checkIn.noPosition" : "task.checkIn.outside", null,
                        org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            }
            return task;
        });
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAuthority('task:review')")
    @Audited("task.approve")
    String approve(@PathVariable UUID id, @RequestParam(required = false) Integer version,
                   @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        return act(id, flash, "task.done.APPROVE", () -> lifecycle.approve(id, version, user));
    }

    @PostMapping("/{id}/return")
    @PreAuthorize("hasAuthority('task:review')")
    @Audited("task.return")
    String returnForRework(@PathVariable UUID id, @RequestParam(required = false) Integer version,
                           @RequestParam(required = false) String reason, @AuthenticationPrincipal CurrentUser user,
                           RedirectAttributes flash) {
        return act(id, flash, "task.done.RETURN", () -> lifecycle.returnForRework(id, version, user, reason));
    }

    @PostMapping("/{id}/forward")
    @PreAuthorize("hasAuthority('task:dispatch')")
    @Audited("task.forward")
    String forward(@PathVariable UUID id, @RequestParam(required = false) Integer version,
                   @RequestParam(required = false) String node, @RequestParam(required = false) UUID staffId,
                   @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        return act(id, flash, "task.done.FORWARD", () -> lifecycle.forward(id, version, user, node, staffId));
    }

    @PostMapping("/{id}/reassign")
    @PreAuthorize("hasAuthority('task:dispatch')")
    @Audited("task.reassign")
    String reassign(@PathVariable UUID id, @RequestParam(required = false) Integer version,
                    @RequestParam(required = false) String node, @RequestParam(required = false) UUID staffId,
                    @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        return act(id, flash, "task.done.REASSIGN", () -> lifecycle.reassign(id, version, user, node, staffId));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAuthority('task:view')")
    @Audited("task.cancel")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) Integer version,
                  @RequestParam(required = false) String reason, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes flash) {
        return act(id, flash, "task.done.CANCEL", () -> lifecycle.cancel(id, version, user, reason));
    }

    @PostMapping("/{id}/urge")
    @PreAuthorize("hasAuthority('task:urge')")
    @Audited("task.urge")
    String urge(@PathVariable UUID id, @RequestParam(required = false) String message,
                @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        return act(id, flash, "task.done.URGE", () -> lifecycle.urge(id, user, message));
    }

    /**
     * Runs an action and goes back to the task's page with a message: what was done, or why it was
     * refused (who was faster, what is missing). A task the reader may not see stays a 404.
     */
    private String act(UUID id, RedirectAttributes flash, String doneKey, java.util.function.Supplier<Task> action) {
        try {
            action.get();
            flash.addFlashAttribute("done", messages.getMessage(doneKey, null,
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        } catch (TaskRefused refused) {
            if (refused.kind == TaskRefused.Kind.NOT_FOUND) {
                throw refused;
            }
            flash.addFlashAttribute("refused", TaskProblems.text(messages, refused));
        }
        return "redirect:/task/tasks/" + id;
    }

    /** The issue form as typed; kept when it comes back with an error. */
    static class TaskForm {
        private String name;
        private String description;
        private TaskType type = TaskType.PATROL;
        private TaskSource source = TaskSource.DEPARTMENT;
        private TaskPriority priority = TaskPriority.NORMAL;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        private LocalDateTime deadline;
        private String regionCode;
        private UUID staffId;
        private Double lon;
        private Double lat;
        private boolean dispatch = true;

        NewTask toRequest() {
            return new NewTask(name, description, type, source, null, priority,
                    deadline == null ? null : deadline.atZone(TaskNumbers.TOWN_ZONE).toInstant(), regionCode, staffId,
                    lon, lat, dispatch);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public TaskType getType() { return type; }
        public void setType(TaskType type) { this.type = type; }
        public TaskSource getSource() { return source; }
        public void setSource(TaskSource source) { this.source = source; }
        public TaskPriority getPriority() { return priority; }
        public void setPriority(TaskPriority priority) { this.priority = priority; }
        public LocalDateTime getDeadline() { return deadline; }
        public void setDeadline(LocalDateTime deadline) { this.deadline = deadline; }
        public String getRegionCode() { return regionCode; }
        public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
        public UUID getStaffId() { return staffId; }
        public void setStaffId(UUID staffId) { this.staffId = staffId; }
        public Double getLon() { return lon; }
        public void setLon(Double lon) { this.lon = lon; }
        public Double getLat() { return lat; }
        public void setLat(Double lat) { this.lat = lat; }
        public boolean isDispatch() { return dispatch; }
        public void setDispatch(boolean dispatch) { this.dispatch = dispatch; }
    }
}

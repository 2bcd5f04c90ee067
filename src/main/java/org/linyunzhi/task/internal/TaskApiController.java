package org.linyunzhi.task.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.CurrentUser;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The task API: lists, the lifecycle's actions, submissions with photos, my tasks and the supervision board. */
@RestController
@RequestMapping("/api/task")
@Tag(name = "Grid tasks", description = "网格任务: issue, dispatch down the tree, do, review, supervise")
class TaskApiController {

    private final TaskLifecycle lifecycle;
    private final TaskSearch search;
    private final Tasks tasks;
    private final Submissions submissions;
    private final PhotoStore photos;
    private final SupervisionBoard board;
    private final GridApi grid;
    private final TaskExport export;

    TaskApiController(TaskLifecycle lifecycle, TaskSearch search, Tasks tasks, Submissions submissions, PhotoStore photos,
                      SupervisionBoard board, GridApi grid, TaskExport export) {
        this.export = export;
        this.lifecycle = lifecycle;
        this.search = search;
        this.tasks = tasks;
        this.submissions = submissions;
        this.photos = photos;
        this.board = board;
        this.grid = grid;
    }

    /** The body of every action; each action reads the fields it needs. {@code version}: the task's version as last read. */
    record ActionBody(Integer version, String reason, String message, String node, UUID staffId, Double lon, Double lat) {
    }

    @GetMapping("/tasks")
    @PreAuthorize("hasAuthority('task:view')")
    @Operation(summary = "Tasks in the caller's scope, filtered, sorted (whitelisted keys) and paged")
    TaskSearch.Page list(@ParameterObject TaskFilter filter, @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal CurrentUser user) {
        return search.search(filter, user.scope(), Set.of(), null, page, size, lifecycle.now());
    }

    @GetMapping("/tasks/export")
    @PreAuthorize("hasAuthority('task:export')")
    @Operation(summary = "The tasks of the filter as an Excel workbook (streamed), the seed's columns first")
    void export(@ParameterObject TaskFilter filter, @AuthenticationPrincipal CurrentUser user, java.util.Locale locale,
                jakarta.servlet.http.HttpServletResponse response) throws IOException {
        TaskPages.writeExport(export, filter, user, locale, lifecycle.now(), response);
    }

    @GetMapping("/my")
    @PreAuthorize("hasAuthority('task:do')")
    @Operation(summary = "Tasks whose assignee is the caller or the roster person linked to the caller")
    TaskSearch.Page mine(@RequestParam(required = false) TaskState state, @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal CurrentUser user) {
        Actor actor = lifecycle.actor(user);
        return search.search(TaskFilter.none().withState(state), user.scope(), actor.staffIds(), user.id(), page, size,
                lifecycle.now());
    }

    @PostMapping("/tasks")
    @PreAuthorize("hasAuthority('task:create')")
    @Audited("task.create")
    @Operation(summary = "Issue a task; dispatched at once when dispatch is true, else a draft")
    ResponseEntity<TaskView> create(@RequestBody NewTask request, @AuthenticationPrincipal CurrentUser user) {
        Task task = lifecycle.create(user, request);
        return ResponseEntity.status(HttpStatus.CREATED).body(TaskView.brief(task, lifecycle.now()));
    }

    @GetMapping("/tasks/{id}")
    @PreAuthorize("hasAuthority('task:view')")
    TaskView show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        Task task = tasks.find(id, user.scope()).orElseThrow(TaskRefused::notFound);
        return TaskView.of(task, lifecycle.now(), tasks.timeline(id), submissions.attachments(id));
    }

    @PostMapping("/tasks/{id}/dispatch")
    @PreAuthorize("hasAuthority('task:dispatch')")
    @Audited("task.dispatch")
    TaskView dispatch(@PathVariable UUID id, @RequestBody(required = false) ActionBody body,
                      @AuthenticationPrincipal CurrentUser user) {
        return brief(lifecycle.dispatch(id, version(body), user));
    }

    @PostMapping("/tasks/{id}/accept")
    @PreAuthorize("hasAuthority('task:do')")
    @Audited("task.accept")
    @Operation(summary = "Sign for the task (签收); 409 naming who was faster when somebody else moved it first")
    TaskView accept(@PathVariable UUID id, @RequestBody(required = false) ActionBody body,
                    @AuthenticationPrincipal CurrentUser user) {
        return brief(lifecycle.accept(id, version(body), user));
    }

    @PostMapping("/tasks/{id}/check-in")
    @PreAuthorize("hasAuthority('task:do')")
    @Audited("task.checkIn")
    @Operation(summary = "Check in on site; a position outside the task's node is flagged, not refused")
    TaskView checkIn(@PathVariable UUID id, @RequestBody ActionBody body, @AuthenticationPrincipal CurrentUser user) {
        return brief(lifecycle.checkIn(id, body.version(), user, body.lon(), body.lat()));
    }

    @PostMapping(path = "/tasks/{id}/submissions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('task:do')")
    @Audited("task.submit")
    @Operation(summary = "Submit the result with photos, exactly once per idempotency key (201 first, 200 for a repeat)")
    ResponseEntity<Submissions.Outcome> submit(@PathVariable UUID id,
                                               @RequestHeader(name = "Idempotency-Key", required = false) UUID headerKey,
                                               @RequestParam(name = "idempotencyKey", required = false) UUID paramKey,
                                               @RequestParam(required = false) Integer version,
                                               @RequestParam(required = false) String result,
                                               @RequestPart(name = "photos", required = false) List<MultipartFile> files,
                                               @AuthenticationPrincipal CurrentUser user) {
        Submissions.Outcome outcome = submissions.submit(id, headerKey != null ? headerKey : paramKey, version, user,
                result, files);
        return ResponseEntity.status(outcome.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(outcome);
    }

    @PostMapping("/tasks/{id}/approve")
    @PreAuthorize("hasAuthority('task:review')")
    @Audited("task.approve")
    TaskView approve(@PathVariable UUID id, @RequestBody(required = false) ActionBody body,
                     @AuthenticationPrincipal CurrentUser user) {
        return brief(lifecycle.approve(id, version(body), user));
    }

    @PostMapping("/tasks/{id}/return")
    @PreAuthorize("hasAuthority('task:review')")
    @Audited("task.return")
    TaskView returnForRework(@PathVariable UUID id, @RequestBody ActionBody body, @AuthenticationPrincipal CurrentUser user) {
        return brief(lifecycle.returnForRework(id, body.version(), user, body.reason()));
    }

    @PostMapping("/tasks/{id}/forward")
    @PreAuthorize("hasAuthority('task:dispatch')")
    @Audited("task.forward")
    @Operation(summary = "Forward down the tree (逐级下派) to a lower node and/or a named roster person")
    TaskView forward(@PathVariable UUID id, @RequestBody ActionBody body, @AuthenticationPrincipal CurrentUser user) {
        return brief(lifecycle.forward(id, body.version(), user, body.node(), body.staffId()));
    }

    @PostMapping("/tasks/{id}/reassign")
    @PreAuthorize("hasAuthority('task:dispatch')")
    @Audited("task.reassign")
    TaskView reassign(@PathVariable UUID id, @RequestBody ActionBody body, @AuthenticationPrincipal CurrentUser user) {
        return brief(lifecycle.reassign(id, body.version(), user, body.node(), body.staffId()));
    }

    @PostMapping("/tasks/{id}/cancel")
    @PreAuthorize("hasAuthority('task:view')")
    @Audited("task.cancel")
    TaskView cancel(@PathVariable UUID id, @RequestBody ActionBody body, @AuthenticationPrincipal CurrentUser user) {
        return brief(lifecycle.cancel(id, body.version(), user, body.reason()));
    }

    @PostMapping("/tasks/{id}/urge")
    @PreAuthorize("hasAuthority('task:urge')")
    @Audited("task.urge")
    TaskView urge(@PathVariable UUID id, @RequestBody(required = false) ActionBody body,
                  @AuthenticationPrincipal CurrentUser user) {
        return brief(lifecycle.urge(id, user, body == null ? null : body.message()));
    }

    @GetMapping("/tasks/{id}/attachments/{attachmentId}")
    @PreAuthorize("hasAuthority('task:view')")
    ResponseEntity<Resource> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId,
                                        @AuthenticationPrincipal CurrentUser user) throws IOException {
        return serve(tasks, submissions, photos, id, attachmentId, user);
    }

    @GetMapping("/supervision")
    @PreAuthorize("hasAuthority('task:supervise')")
    @Operation(summary = "Open, overdue and on-time rates per child node; open overdue tasks count in the on-time denominator")
    SupervisionBoard.Board supervision(@RequestParam(required = false) String node,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                       @AuthenticationPrincipal CurrentUser user) {
        RegionNode at = SupervisionPage.boardNode(grid, user, node);
        return board.of(at, user.scope(), from, to, lifecycle.now());
    }

    /** A photo of a task the reader may see, with its stored content type; the file name never picks a path. */
    static ResponseEntity<Resource> serve(Tasks tasks, Submissions submissions, PhotoStore photos, UUID id,
                                          UUID attachmentId, CurrentUser user) throws IOException {
        tasks.find(id, user.scope()).orElseThrow(TaskRefused::notFound);
        Submissions.Attachment a = submissions.attachment(id, attachmentId).orElseThrow(TaskRefused::notFound);
        Path file = photos.resolve(a.storagePath());
        if (!Files.isReadable(file)) {
            throw TaskRefused.notFound();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(a.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, max-age=3600")
                .body(new FileSystemResource(file));
    }

    private TaskView brief(Task task) {
        return TaskView.brief(task, lifecycle.now());
    }

    private static Integer version(ActionBody body) {
        return body == null ? null : body.version();
    }
}

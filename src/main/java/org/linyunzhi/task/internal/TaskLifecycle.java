package org.linyunzhi.task.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.Location;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.grid.StaffMember;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.identity.UserDirectory;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.internal.supervision.DeadlineTimers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the task lifecycle for people and timers: loads the task within the actor's data scope (a task
 * outside it is "not found"), lets the aggregate decide, saves under optimistic locking, publishes
 * the events in the same transaction (Modulith's outbox stores them with the change) and keeps the
 * deadline timers in step.
 */
@Service
class TaskLifecycle {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TaskLifecycle.class);

    private final Tasks tasks;
    private final TaskNumbers numbers;
    private final GridApi grid;
    private final UserDirectory users;
    private final ApplicationEventPublisher publisher;
    // modules may run without supervision (module tests, a deployment without timers): then no timers are set
    private final ObjectProvider<DeadlineTimers> timers;
    private final Clock clock;

    TaskLifecycle(Tasks tasks, TaskNumbers numbers, GridApi grid, UserDirectory users,
                  ApplicationEventPublisher publisher, ObjectProvider<DeadlineTimers> timers,
                  ObjectProvider<Clock> clock) {
        this.tasks = tasks;
        this.numbers = numbers;
        this.grid = grid;
        this.users = users;
        this.publisher = publisher;
        this.timers = timers;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    Actor actor(CurrentUser user) {
        return Actor.of(user, Set.copyOf(grid.staffLinkedTo(user.id())));
    }

    /** The issuer and the department they act for: the one their data scope is bound to, else their account's. */
    Issuer issuer(CurrentUser user) {
        var person = users.byId(user.id());
        UUID department = user.scope().kind() == DataScope.Kind.DEPARTMENT ? user.scope().departmentId()
                : person.map(UserDirectory.Person::departmentId).orElse(null);
        String departmentName = person.filter(p -> department != null && department.equals(p.departmentId()))
                .map(UserDirectory.Person::departmentName).orElse(null);
        return new Issuer(user.id(), user.displayName(), department, departmentName);
    }

    Instant now() {
        return clock.instant();
    }

    /** Issues one task, as a draft or dispatched at once. */
    @Transactional
    Task create(CurrentUser user, NewTask request) {
        Actor actor = actor(user);
        if (!actor.can(TaskAction.CREATE.permission())) {
            throw TaskRefused.forbidden("task.error.permission");
        }
        TaskSource source = request.source() == null ? TaskSource.DEPARTMENT : request.source();
        if (source == TaskSource.CAMPAIGN) {
            throw TaskRefused.badInput("source", "task.error.sourceCampaign");
        }
        RegionNode node = targetNode(actor, request.regionCode());
        Assignee assignee = request.staffId() != null ? rosterPerson(node, request.staffId())
                : source == TaskSource.SELF_REPORTED ? self(actor, node) : defaultPerson(node);
        Instant now = now();
        TaskRules.checkText(request.name(), request.description());
        TaskRules.checkDeadline(request.deadline(), now);
        TaskRules.checkPosition(request.lon(), request.lat());
        if (request.type() == null) {
            throw TaskRefused.badInput("type", "task.error.typeRequired");
        }
        Task.Details details = new Task.Details(request.name().strip(), TaskRules.blankToNull(request.description()),
                request.type(), source, TaskRules.blankToNull(request.sourceRef()), null,
                request.priority() == null ? TaskPriority.NORMAL : request.priority(),
                request.deadline() == null ? null : request.deadline().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                node.code(),
                node.name(), assignee, request.lon(), request.lat());
        Task task = Task.issue(details, issuer(user), numbers.next(clock), actor, now);
        if (!Boolean.FALSE.equals(request.dispatch())) {
            if (!actor.can(TaskAction.DISPATCH.permission()) && source != TaskSource.SELF_REPORTED) {
                throw TaskRefused.forbidden("task.error.permission");
            }
            task.dispatch(dispatcherFor(actor, source), now);
        }
        tasks.insert(List.of(task));
        afterIssue(List.of(task));
        return task;
    }

    /**
     * Issues and dispatches many tasks at once (a campaign): one block of numbers, batch inserts,
     * then the events and timers of each.
     */
    @Transactional
    List<Task> issueAll(List<Task.Details> details, Issuer issuer, Actor actor) {
        Instant now = now();
        List<String> drawn = numbers.next(java.time.LocalDate.now(clock.withZone(TaskNumbers.TOWN_ZONE)), details.size());
        List<Task> issued = new ArrayList<>(details.size());
        for (int i = 0; i < details.size(); i++) {
            Task task = Task.issue(details.get(i), issuer, drawn.get(i), actor, now);
            task.dispatch(actor, now);
            issued.add(task);
        }
        long start = System.nanoTime();
        tasks.insert(issued);
        long inserted = System.nanoTime();
        afterIssue(issued);
        // where a campaign's time goes, for the load benchmark (docs/benchmarks.md)
        log.debug("issued {} tasks: insert {} ms, events and timers {} ms", issued.size(),
                (inserted - start) / 1_000_000, (System.nanoTime() - inserted) / 1_000_000);
        return issued;
    }

    @Transactional
    Task dispatch(UUID id, Integer version, CurrentUser user) {
        return change(id, version, user, TaskAction.DISPATCH, (task, actor) -> task.dispatch(actor, now()));
    }

    @Transactional
    Task accept(UUID id, Integer version, CurrentUser user) {
        return change(id, version, user, TaskAction.ACCEPT, (task, actor) -> {
            Assignee self = task.assignee() == null ? selfOn(actor, task.regionCode()) : null;
            task.accept(actor, self, now());
        });
    }

    /** Checks in at a position (null when the phone gave none); outside the task's node is flagged, not refused. */
    @Transactional
    Task checkIn(UUID id, Integer version, CurrentUser user, Double lon, Double lat) {
        TaskRules.checkPosition(lon, lat);
        return change(id, version, user, TaskAction.CHECK_IN, (task, actor) -> {
            String node = null;
            boolean outside = true;
            if (lon != null) {
                Location at = grid.locate(lon, lat);
                node = at.found() ? at.microGrid().code() : null;
                outside = node == null || !node.startsWith(task.regionCode());
            }
            task.checkIn(actor, new Task.CheckIn(now(), lon, lat, node, outside));
        });
    }

    /** Submits the result; called by {@link Submissions}, which makes a resend answer the first result. */
    @Transactional
    Task submit(UUID id, Integer version, CurrentUser user, String result) {
        TaskRules.checkResult(result);
        return change(id, version, user, TaskAction.SUBMIT,
                (task, actor) -> task.submit(actor, TaskRules.blankToNull(result), now()));
    }

    @Transactional
    Task approve(UUID id, Integer version, CurrentUser user) {
        return change(id, version, user, TaskAction.APPROVE, (task, actor) -> task.approve(actor, now()));
    }

    @Transactional
    Task returnForRework(UUID id, Integer version, CurrentUser user, String reason) {
        TaskRules.checkReason(reason);
        return change(id, version, user, TaskAction.RETURN, (task, actor) -> task.returnForRework(actor, reason, now()));
    }

    @Transactional
    Task forward(UUID id, Integer version, CurrentUser user, String nodeCode, UUID staffId) {
        return change(id, version, user, TaskAction.FORWARD, (task, actor) -> {
            RegionNode node = targetNode(actor, nodeCode == null || nodeCode.isBlank() ? task.regionCode() : nodeCode);
            Assignee to = staffId != null ? rosterPerson(node, staffId) : defaultPerson(node);
            task.forwardTo(actor, node.code(), node.name(), to, now());
        });
    }

    @Transactional
    Task reassign(UUID id, Integer version, CurrentUser user, String nodeCode, UUID staffId) {
        return change(id, version, user, TaskAction.REASSIGN, (task, actor) -> {
            RegionNode node = targetNode(actor, nodeCode == null || nodeCode.isBlank() ? task.regionCode() : nodeCode);
            if (staffId == null) {
                throw TaskRefused.badInput("staff", "task.error.forwardNobody");
            }
            task.reassign(actor, node.code(), node.name(), rosterPerson(node, staffId), now());
        });
    }

    @Transactional
    Task cancel(UUID id, Integer version, CurrentUser user, String reason) {
        TaskRules.checkReason(reason);
        return change(id, version, user, TaskAction.CANCEL, (task, actor) -> task.cancel(actor, reason, now()));
    }

    /** Urging does not depend on what the urger saw: it never fails on a version. */
    @Transactional
    Task urge(UUID id, CurrentUser user, String message) {
        TaskRules.checkComment(message);
        return change(id, null, user, TaskAction.URGE, (task, actor) -> task.urge(actor, message, now()));
    }

    /** The overdue timer fired: marks the task if it is still open; a closed task ignores it. */
    @Transactional
    void markOverdue(UUID id, String systemName) {
        Actor system = Actor.system(systemName);
        tasks.find(id, system.scope()).ifPresent(task -> {
            if (task.markOverdue(system, now())) {
                if (!tasks.update(task)) {
                    // a person changed the task in the same instant; the timer's transaction is retried by the scheduler
                    throw new IllegalStateException("task " + id + " changed while marking it overdue");
                }
                afterChange(List.of(task));
            }
        });
    }

    /**
     * Loads the task in the actor's scope, applies the action, saves it if nobody was faster. A
     * refusal because the state moved on, or a lost save, names who moved it and what they did.
     */
    private Task change(UUID id, Integer version, CurrentUser user, TaskAction action, BiConsumer<Task, Actor> move) {
        Actor actor = actor(user);
        Task task = tasks.find(id, user.scope()).orElseThrow(TaskRefused::notFound);
        if (version != null && version != task.version()) {
            throw overtaken(action, task);
        }
        try {
            move.accept(task, actor);
        } catch (TaskRefused refused) {
            if (refused.isStateConflict()) {
                throw overtaken(action, task);
            }
            throw refused;
        }
        if (!tasks.update(task)) {
            throw overtaken(action, tasks.find(id, user.scope()).orElseThrow(TaskRefused::notFound));
        }
        afterChange(List.of(task));
        return task;
    }

    private TaskRefused overtaken(TaskAction action, Task current) {
        return tasks.lastEntry(current.id())
                .map(last -> TaskRefused.overtaken(action, last, current.state()))
                .orElse(TaskRefused.notInState(action, current.state()));
    }

    private void afterChange(List<Task> changed) {
        DeadlineTimers deadlineTimers = timers.getIfAvailable();
        for (Task task : changed) {
            task.events().forEach(publisher::publishEvent);
            task.events().clear();
            if (deadlineTimers == null) {
                continue;
            }
            if (task.state().isClosed()) {
                deadlineTimers.cancel(task.id());
            } else if (task.state() == TaskState.DISPATCHED && task.deadline() != null && !task.overdue()) {
                deadlineTimers.schedule(task.id(), task.deadline());
            }
        }
    }

    /** Like {@link #afterChange} for tasks just inserted: they have no timers yet, so all are set with one statement. */
    private void afterIssue(List<Task> issued) {
        long start = System.nanoTime();
        Map<UUID, Instant> deadlines = new LinkedHashMap<>();
        for (Task task : issued) {
            task.events().forEach(publisher::publishEvent);
            task.events().clear();
            if (task.state() == TaskState.DISPATCHED && task.deadline() != null && !task.overdue()) {
                deadlines.put(task.id(), task.deadline());
            }
        }
        long published = System.nanoTime();
        DeadlineTimers deadlineTimers = timers.getIfAvailable();
        if (deadlineTimers != null && !deadlines.isEmpty()) {
            deadlineTimers.scheduleNew(deadlines);
        }
        log.debug("{} tasks: events published (stored in the outbox) in {} ms, timers set in {} ms", issued.size(),
                (published - start) / 1_000_000, (System.nanoTime() - published) / 1_000_000);
    }

    /** The node a task is sent to: it must exist and lie in the actor's scope. */
    RegionNode targetNode(Actor actor, String code) {
        if (code == null || code.isBlank()) {
            throw TaskRefused.badInput("regionCode", "task.error.nodeRequired");
        }
        RegionNode node = grid.node(code.strip()).orElseThrow(
                () -> TaskRefused.badInput("regionCode", "task.error.nodeUnknown", code.strip()));
        if (!actor.covers(node.code())) {
            throw TaskRefused.badInput("regionCode", "task.error.nodeOutsideScope");
        }
        return node;
    }

    /** A roster person of the node; anyone else is refused, so a task never names a stranger. */
    Assignee rosterPerson(RegionNode node, UUID staffId) {
        return grid.rosters(List.of(node.code())).stream().filter(m -> m.staffId().equals(staffId)).findFirst()
                .map(DefaultAssignee::toAssignee)
                .orElseThrow(() -> TaskRefused.badInput("staffId", "task.error.notOnRoster", node.name()));
    }

    Assignee defaultPerson(RegionNode node) {
        return DefaultAssignee.of(node.level(), grid.rosters(List.of(node.code())))
                .map(DefaultAssignee::toAssignee).orElse(null);
    }

    /** The actor as the assignee: their roster entry on the node when they have one. */
    private Assignee self(Actor actor, RegionNode node) {
        return selfOn(actor, node.code());
    }

    private Assignee selfOn(Actor actor, String nodeCode) {
        UUID staff = grid.rosters(List.of(nodeCode)).stream().map(StaffMember::staffId)
                .filter(actor.staffIds()::contains).findFirst().orElse(null);
        return new Assignee(staff, actor.name(), actor.userId());
    }

    /** A worker who reports what they found dispatches it to themselves without the dispatch permission. */
    private static Actor dispatcherFor(Actor actor, TaskSource source) {
        if (source != TaskSource.SELF_REPORTED || actor.can("task:dispatch")) {
            return actor;
        }
        Set<String> permissions = new HashSet<>(actor.permissions());
        permissions.add("task:dispatch");
        return new Actor(actor.userId(), actor.name(), permissions, actor.scope(), actor.staffIds());
    }
}

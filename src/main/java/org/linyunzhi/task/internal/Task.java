package org.linyunzhi.task.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.task.TaskEvents;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;

/**
 * A grid task (网格任务), the aggregate that guards its own lifecycle. Every business method checks
 * the move against {@link TaskAction}'s table, the actor's permission, data scope and part in the
 * task, changes the state, appends a timeline entry and registers the past-tense event; the
 * repository saves it under optimistic locking and publishes the events in the same transaction.
 */
final class Task {

    private final UUID id;
    private final String number;
    private final String name;
    private final String description;
    private final TaskType type;
    private final TaskSource source;
    private final String sourceRef;
    private final UUID campaignId;
    private final TaskPriority priority;
    private final Instant deadline;
    private final Issuer issuer;
    private final Double lon;
    private final Double lat;
    private final Instant createdAt;
    private final int version;

    private TaskState state;
    private String regionCode;
    private String regionName;
    private Assignee assignee;
    private boolean overdue;
    private int urgeCount;
    private CheckIn checkIn;
    private String result;
    private Instant submittedAt;
    private String returnReason;
    private Instant closedAt;
    private Instant updatedAt;

    private final List<TimelineEntry> newEntries = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();

    /** Where and when the worker arrived, the micro-grid the position fell in, and whether that is outside the task's node. */
    record CheckIn(Instant at, Double lon, Double lat, String nodeCode, boolean outside) {
    }

    /** What an issuer fills in; the target node's name is looked up by the caller. */
    record Details(String name, String description, TaskType type, TaskSource source, String sourceRef, UUID campaignId,
                   TaskPriority priority, Instant deadline, String regionCode, String regionName, Assignee assignee,
                   Double lon, Double lat) {
    }

    Task(UUID id, String number, String name, String description, TaskType type, TaskSource source, String sourceRef,
         UUID campaignId, TaskState state, TaskPriority priority, Instant deadline, String regionCode, String regionName,
         Assignee assignee, Issuer issuer, Double lon, Double lat, boolean overdue, int urgeCount, CheckIn checkIn,
         String result, Instant submittedAt, String returnReason, Instant closedAt, Instant createdAt, Instant updatedAt,
         int version) {
        this.id = id;
        this.number = number;
        this.name = name;
        this.description = description;
        this.type = type;
        this.source = source;
        this.sourceRef = sourceRef;
        this.campaignId = campaignId;
        this.state = state;
        this.priority = priority;
        this.deadline = deadline;
        this.regionCode = regionCode;
        this.regionName = regionName;
        this.assignee = assignee;
        this.issuer = issuer;
        this.lon = lon;
        this.lat = lat;
        this.overdue = overdue;
        this.urgeCount = urgeCount;
        this.checkIn = checkIn;
        this.result = result;
        this.submittedAt = submittedAt;
        this.returnReason = returnReason;
        this.closedAt = closedAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** A new task as a draft; {@link #dispatch} sends it. The caller has checked the node is the issuer's. */
    static Task issue(Details d, Issuer issuer, String number, Actor by, Instant now) {
        Task task = new Task(UUID.randomUUID(), number, d.name(), d.description(), d.type(), d.source(), d.sourceRef(),
                d.campaignId(), TaskState.DRAFT, d.priority(), d.deadline(), d.regionCode(), d.regionName(), d.assignee(),
                issuer, d.lon(), d.lat(), false, 0, null, null, null, null, null, now, now, 0);
        task.newEntries.add(new TimelineEntry(now, by.userId(), by.name(), TaskAction.CREATE, null, TaskState.DRAFT,
                null, null));
        return task;
    }

    void dispatch(Actor by, Instant now) {
        check(TaskAction.DISPATCH, by);
        move(TaskAction.DISPATCH, by, now, null, null);
        dispatched(now);
    }

    /**
     * Signs for the task (签收). The assignee signs; a task sent to a node without a named person is
     * signed for by whoever of that node takes it, who becomes its assignee.
     */
    void accept(Actor by, Assignee self, Instant now) {
        check(TaskAction.ACCEPT, by);
        if (assignee == null) {
            assignee = self;
        } else if (!by.isAssignee(assignee)) {
            throw TaskRefused.forbidden("task.error.notAssignee");
        }
        move(TaskAction.ACCEPT, by, now, null, null);
    }

    /** Arrives on site; a position outside the task's node is flagged on the task and the timeline, not refused. */
    void checkIn(Actor by, CheckIn at) {
        check(TaskAction.CHECK_IN, by);
        requireAssignee(by);
        checkIn = at;
        String flag = at.lon() == null ? TimelineEntry.NO_POSITION : at.outside() ? TimelineEntry.OUTSIDE_NODE : null;
        // the micro-grid the position fell in is worth a line only when it is not the task's
        move(TaskAction.CHECK_IN, by, at.at(), at.outside() ? at.nodeCode() : null, flag);
    }

    void submit(Actor by, String resultText, Instant now) {
        check(TaskAction.SUBMIT, by);
        requireAssignee(by);
        result = resultText;
        submittedAt = now;
        move(TaskAction.SUBMIT, by, now, resultText, null);
    }

    /** Closes the task; nobody approves their own work. */
    void approve(Actor by, Instant now) {
        check(TaskAction.APPROVE, by);
        refuseOwnWork(by);
        closedAt = now;
        returnReason = null;
        move(TaskAction.APPROVE, by, now, null, null);
        events.add(new TaskEvents.TaskApproved(id, number, name, type, priority, regionCode, assigneeStaffId(),
                assigneeUserId(), deadline, submittedAt, now, recipients()));
    }

    /** Sends the work back (退回) with the reason the worker will read. */
    void returnForRework(Actor by, String reason, Instant now) {
        check(TaskAction.RETURN, by);
        refuseOwnWork(by);
        if (reason == null || reason.isBlank()) {
            throw TaskRefused.badInput("reason", "task.error.reasonRequired");
        }
        returnReason = reason.strip();
        move(TaskAction.RETURN, by, now, returnReason, null);
        events.add(new TaskEvents.TaskReturned(id, number, name, regionCode, assigneeStaffId(), assigneeUserId(),
                returnReason, recipients(), now));
    }

    /**
     * Passes the task down the tree (逐级下派): to a node inside the task's node, or to a named person
     * of the task's own node. The same task moves, so its timeline tells the whole story; the new
     * assignee signs for it again.
     */
    void forwardTo(Actor by, String nodeCode, String nodeName, Assignee to, Instant now) {
        check(TaskAction.FORWARD, by);
        if (!nodeCode.startsWith(regionCode)) {
            throw TaskRefused.badInput("node", "task.error.forwardUp");
        }
        if (nodeCode.equals(regionCode) && to == null) {
            throw TaskRefused.badInput("staff", "task.error.forwardNobody");
        }
        handOver(TaskAction.FORWARD, by, nodeCode, nodeName, to, now);
    }

    /** The issuing side puts someone else in charge; the task starts over at "dispatched". */
    void reassign(Actor by, String nodeCode, String nodeName, Assignee to, Instant now) {
        check(TaskAction.REASSIGN, by);
        if (to == null) {
            throw TaskRefused.badInput("staff", "task.error.forwardNobody");
        }
        handOver(TaskAction.REASSIGN, by, nodeCode, nodeName, to, now);
    }

    private void handOver(TaskAction action, Actor by, String nodeCode, String nodeName, Assignee to, Instant now) {
        if (!by.covers(nodeCode)) {
            throw TaskRefused.badInput("node", "task.error.nodeOutsideScope");
        }
        regionCode = nodeCode;
        regionName = nodeName;
        assignee = to;
        checkIn = null;
        move(action, by, now, to == null ? nodeName : nodeName + " / " + to.name(), null);
        dispatched(now);
    }

    /** Withdraws the task; the issuer or a reviewer of its node may, with a reason. */
    void cancel(Actor by, String reason, Instant now) {
        check(TaskAction.CANCEL, by);
        boolean issuerSelf = by.userId() != null && by.userId().equals(issuer.userId());
        if (!issuerSelf && !by.can("task:review")) {
            throw TaskRefused.forbidden("task.error.cancelNotAllowed");
        }
        if (reason == null || reason.isBlank()) {
            throw TaskRefused.badInput("reason", "task.error.reasonRequired");
        }
        closedAt = now;
        move(TaskAction.CANCEL, by, now, reason.strip(), null);
    }

    /** 督办: reminds the assignee with a message; recorded, the state stays. */
    void urge(Actor by, String message, Instant urgedAt) {
        check(TaskAction.URGE, by);
        urgeCount++;
        String text = message == null || message.isBlank() ? null : message.strip();
        move(TaskAction.URGE, by, urgedAt, text, null);
        events.add(new TaskEvents.TaskUrged(id, number, name, regionCode, assigneeStaffId(), assigneeUserId(), text,
                by.userId(), recipients(), urgedAt));
    }

    /** The deadline passed while the task was open; false when there is nothing to mark. */
    boolean markOverdue(Actor system, Instant now) {
        if (!state.isOpen() || overdue) {
            return false;
        }
        overdue = true;
        move(TaskAction.OVERDUE, system, now, null, null);
        events.add(new TaskEvents.TaskOverdue(id, number, name, type, priority, regionCode, assigneeStaffId(),
                assigneeUserId(), deadline, recipients(), now));
        return true;
    }

    private void dispatched(Instant now) {
        events.add(new TaskEvents.TaskDispatched(id, number, name, type, priority, regionCode, assigneeStaffId(),
                assigneeUserId(), deadline, recipients(), now));
    }

    /** Refuses a move the table, the permission or the scope does not allow. */
    private void check(TaskAction action, Actor by) {
        if (!by.covers(regionCode)) {
            throw TaskRefused.notFound();
        }
        if (!by.can(action.permission())) {
            throw TaskRefused.forbidden("task.error.permission");
        }
        if (!action.allowedFrom(state)) {
            throw TaskRefused.notInState(action, state);
        }
    }

    private void requireAssignee(Actor by) {
        if (!by.isAssignee(assignee)) {
            throw TaskRefused.forbidden("task.error.notAssignee");
        }
    }

    private void refuseOwnWork(Actor by) {
        if (by.isAssignee(assignee)) {
            throw TaskRefused.forbidden("task.error.ownWork");
        }
    }

    private void move(TaskAction action, Actor by, Instant at, String comment, String flag) {
        TaskState from = state;
        state = action.leadsFrom(from);
        updatedAt = at;
        newEntries.add(new TimelineEntry(at, by.userId(), by.name(), action, from, state, comment, flag));
    }

    private Set<java.util.UUID> recipients() {
        return assigneeUserId() == null ? Set.of() : Set.of(assigneeUserId());
    }

    private UUID assigneeStaffId() {
        return assignee == null ? null : assignee.staffId();
    }

    UUID assigneeUserId() {
        return assignee == null ? null : assignee.userId();
    }

    /** Timeline entries made since the task was loaded; cleared by the repository on save. */
    List<TimelineEntry> newEntries() {
        return newEntries;
    }

    List<Object> events() {
        return events;
    }

    UUID id() { return id; }
    String number() { return number; }
    String name() { return name; }
    String description() { return description; }
    TaskType type() { return type; }
    TaskSource source() { return source; }
    String sourceRef() { return sourceRef; }
    UUID campaignId() { return campaignId; }
    TaskState state() { return state; }
    TaskPriority priority() { return priority; }
    Instant deadline() { return deadline; }
    String regionCode() { return regionCode; }
    String regionName() { return regionName; }
    Assignee assignee() { return assignee; }
    Issuer issuer() { return issuer; }
    Double lon() { return lon; }
    Double lat() { return lat; }
    boolean overdue() { return overdue; }
    int urgeCount() { return urgeCount; }
    CheckIn checkIn() { return checkIn; }
    String result() { return result; }
    Instant submittedAt() { return submittedAt; }
    String returnReason() { return returnReason; }
    Instant closedAt() { return closedAt; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
    int version() { return version; }
}

package org.linyunzhi.task.internal;

import static org.linyunzhi.task.internal.TaskState.ACCEPTED;
import static org.linyunzhi.task.internal.TaskState.APPROVED;
import static org.linyunzhi.task.internal.TaskState.CANCELLED;
import static org.linyunzhi.task.internal.TaskState.DISPATCHED;
import static org.linyunzhi.task.internal.TaskState.DRAFT;
import static org.linyunzhi.task.internal.TaskState.IN_PROGRESS;
import static org.linyunzhi.task.internal.TaskState.RETURNED;
import static org.linyunzhi.task.internal.TaskState.SUBMITTED;

import java.util.EnumSet;
import java.util.Set;

/**
 * The task lifecycle as one transition table: each action, the states it may start from, the state
 * it leads to (null: the state stays), and the permission it needs. A task refuses any other move.
 * <pre>
 * DRAFT → DISPATCHED → ACCEPTED (签收) → IN_PROGRESS → SUBMITTED → APPROVED
 *                                                              ↘ RETURNED (退回) → IN_PROGRESS …
 * forward/reassign: back to DISPATCHED with a new assignee; cancel: from any open state or a draft.
 * </pre>
 */
enum TaskAction {
    CREATE(EnumSet.noneOf(TaskState.class), DRAFT, "task:create"),
    DISPATCH(EnumSet.of(DRAFT), DISPATCHED, "task:dispatch"),
    ACCEPT(EnumSet.of(DISPATCHED), ACCEPTED, "task:do"),
    /** Arriving on site starts (or resumes, after a return) the work. */
    CHECK_IN(EnumSet.of(ACCEPTED, IN_PROGRESS, RETURNED), IN_PROGRESS, "task:do"),
    SUBMIT(EnumSet.of(IN_PROGRESS), SUBMITTED, "task:do"),
    APPROVE(EnumSet.of(SUBMITTED), APPROVED, "task:review"),
    RETURN(EnumSet.of(SUBMITTED), RETURNED, "task:review"),
    /** Down the tree (逐级下派): to a lower node or a named person there; the receiver signs for it again. */
    FORWARD(EnumSet.of(DISPATCHED, ACCEPTED), DISPATCHED, "task:dispatch"),
    /** The issuing side puts someone else in charge, also mid-work. */
    REASSIGN(EnumSet.of(DISPATCHED, ACCEPTED, IN_PROGRESS, RETURNED), DISPATCHED, "task:dispatch"),
    CANCEL(EnumSet.of(DRAFT, DISPATCHED, ACCEPTED, IN_PROGRESS, SUBMITTED, RETURNED), CANCELLED, null),
    /** 督办: a push to hurry, recorded; the state stays. */
    URGE(EnumSet.of(DISPATCHED, ACCEPTED, IN_PROGRESS, RETURNED), null, "task:urge"),
    /** Marked by the deadline timer; the state stays. */
    OVERDUE(TaskState.OPEN, null, null);

    private final Set<TaskState> from;
    private final TaskState to;
    private final String permission;

    TaskAction(Set<TaskState> from, TaskState to, String permission) {
        this.from = from;
        this.to = to;
        this.permission = permission;
    }

    Set<TaskState> from() {
        return from;
    }

    boolean allowedFrom(TaskState state) {
        return from.contains(state);
    }

    /** The state after the action taken from {@code state}; the same state for actions that keep it. */
    TaskState leadsFrom(TaskState state) {
        return to == null ? state : to;
    }

    /** The permission a person needs, or null when the rule is not a single permission (cancel, timers). */
    String permission() {
        return permission;
    }
}

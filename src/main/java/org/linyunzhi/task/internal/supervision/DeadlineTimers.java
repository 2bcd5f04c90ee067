package org.linyunzhi.task.internal.supervision;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Persistent, cluster-safe timers for a task's deadline: a reminder before it, the overdue mark at
 * it, the escalation some time after it. Scheduling again replaces the task's timers; timers of a
 * closed or cancelled task are cancelled. Each timer fires once across all app nodes and survives
 * restarts, and it calls the {@link DeadlineListener} in a transaction.
 */
public interface DeadlineTimers {

    /** Sets (or replaces) the reminder, overdue and escalation timers of a task for this deadline. */
    void schedule(UUID taskId, Instant deadline);

    /**
     * Sets the timers of tasks created in this transaction, which have none to replace; the
     * persistent timers write them all with one statement (a campaign's 852 tasks, 2,556 timers).
     */
    default void scheduleNew(Map<UUID, Instant> deadlines) {
        deadlines.forEach(this::schedule);
    }

    /** Removes all timers of a task, e.g. when it is approved or cancelled. */
    void cancel(UUID taskId);
}

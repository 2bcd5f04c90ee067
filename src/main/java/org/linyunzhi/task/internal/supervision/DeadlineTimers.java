package org.linyunzhi.task.internal.supervision;

import java.time.Instant;
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

    /** Removes all timers of a task, e.g. when it is approved or cancelled. */
    void cancel(UUID taskId);
}

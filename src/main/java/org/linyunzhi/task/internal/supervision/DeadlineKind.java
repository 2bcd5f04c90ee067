package org.linyunzhi.task.internal.supervision;

import java.time.Instant;
import java.util.UUID;

/**
 * The three timers of a task's deadline, each a db-scheduler task of its own name (the name is
 * stored in the timer table: never rename one without migrating its rows).
 */
enum DeadlineKind {

    NEAR("task-deadline-near") {
        @Override
        void tell(DeadlineListener listener, UUID taskId, Instant deadline) {
            listener.deadlineNear(taskId, deadline);
        }
    },
    PASSED("task-deadline-passed") {
        @Override
        void tell(DeadlineListener listener, UUID taskId, Instant deadline) {
            listener.deadlinePassed(taskId, deadline);
        }
    },
    ESCALATION("task-escalation-due") {
        @Override
        void tell(DeadlineListener listener, UUID taskId, Instant deadline) {
            listener.escalationDue(taskId, deadline);
        }
    };

    private final String taskName;

    DeadlineKind(String taskName) {
        this.taskName = taskName;
    }

    String taskName() {
        return taskName;
    }

    abstract void tell(DeadlineListener listener, UUID taskId, Instant deadline);
}

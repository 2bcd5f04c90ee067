package org.linyunzhi.task.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a task stands. The lifecycle is one table ({@link TaskAction#from()}): what each action may
 * start from and where it leads; this enum only says which states are open and closed.
 */
enum TaskState {
    DRAFT, DISPATCHED, ACCEPTED, IN_PROGRESS, SUBMITTED, RETURNED, APPROVED, CANCELLED;

    /** States whose clock runs: dispatched and not yet approved or cancelled. */
    static final Set<TaskState> OPEN = EnumSet.of(DISPATCHED, ACCEPTED, IN_PROGRESS, SUBMITTED, RETURNED);

    boolean isOpen() {
        return OPEN.contains(this);
    }

    boolean isClosed() {
        return this == APPROVED || this == CANCELLED;
    }
}

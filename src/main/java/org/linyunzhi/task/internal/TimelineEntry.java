package org.linyunzhi.task.internal;

import java.time.Instant;
import java.util.UUID;

/** One step of a task's history: who, when, from which state to which, and why. */
record TimelineEntry(Instant at, UUID actorUserId, String actorName, TaskAction action, TaskState fromState,
                     TaskState toState, String comment, String flag) {

    /** The check-in position lay outside the task's node. */
    static final String OUTSIDE_NODE = "OUTSIDE_NODE";
    /** The phone sent no position at check-in. */
    static final String NO_POSITION = "NO_POSITION";
}

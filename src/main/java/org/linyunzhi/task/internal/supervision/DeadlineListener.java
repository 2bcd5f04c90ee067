package org.linyunzhi.task.internal.supervision;

import java.time.Instant;
import java.util.UUID;

/**
 * What happens when a task's timers fire; implemented by the task lifecycle, which decides whether
 * the task still needs it (a task approved in the meantime ignores its timers).
 */
public interface DeadlineListener {

    void deadlineNear(UUID taskId, Instant deadline);

    void deadlinePassed(UUID taskId, Instant deadline);

    void escalationDue(UUID taskId, Instant deadline);
}

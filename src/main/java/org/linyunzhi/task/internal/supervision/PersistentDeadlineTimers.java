package org.linyunzhi.task.internal.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link DeadlineTimers} on db-scheduler's table. Joins the caller's transaction (the lifecycle
 * change that set or cleared the deadline), so timers and task state commit or roll back together.
 */
class PersistentDeadlineTimers implements DeadlineTimers {

    private final TransactionTemplate transaction;
    private final ScheduledTimers timers;
    private final SupervisionPolicy policy;
    private final Clock clock;

    PersistentDeadlineTimers(TransactionTemplate transaction, ScheduledTimers timers, SupervisionPolicy policy, Clock clock) {
        this.transaction = transaction;
        this.timers = timers;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void schedule(UUID taskId, Instant deadline) {
        var planned = policy.timersFor(deadline, clock.instant());
        transaction.executeWithoutResult(status -> timers.replace(taskId, deadline, planned));
    }

    @Override
    public void scheduleNew(Map<UUID, Instant> deadlines) {
        Instant now = clock.instant();
        List<ScheduledTimers.Planned> planned = new ArrayList<>(deadlines.size() * 3);
        deadlines.forEach((taskId, deadline) -> policy.timersFor(deadline, now)
                .forEach(timer -> planned.add(new ScheduledTimers.Planned(new TimerInstance(taskId, deadline), timer))));
        transaction.executeWithoutResult(status -> timers.insertNew(planned));
    }

    @Override
    public void cancel(UUID taskId) {
        transaction.executeWithoutResult(status -> timers.cancel(taskId));
    }
}

package org.linyunzhi.hazard.internal.hazards;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the overdue sweep periodically on db-scheduler with the module's own table
 * ({@code hazard_scheduled_tasks}): the recurring task has one row, which one node at a time picks
 * and runs, so several app nodes never sweep at once. Starts after the context is up (Flyway made the
 * table) and stops before the connection pool closes.
 */
@Component
class SweepScheduler implements SmartLifecycle {

    static final String TASK = "hazard-overdue-sweep";

    private final DataSource dataSource;
    private final OverdueSweep sweep;
    private final Duration every;
    private final boolean enabled;
    private Scheduler running;

    SweepScheduler(DataSource dataSource, OverdueSweep sweep,
                   @Value("${linyunzhi.hazard.sweep-every:PT1M}") Duration every,
                   @Value("${linyunzhi.hazard.sweep-enabled:true}") boolean enabled) {
        this.dataSource = dataSource;
        this.sweep = sweep;
        this.every = every;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (!enabled || running != null) {
            return;
        }
        RecurringTask<Void> task = Tasks.recurring(TASK, Schedules.fixedDelay(every))
                .execute((instance, context) -> sweep.sweep());
        running = Scheduler.create(dataSource, List.of())
                .tableName("hazard_scheduled_tasks")
                .startTasks(task)
                .threads(1)
                .pollingInterval(Duration.ofSeconds(10))
                .pollUsingLockAndFetch(0.5, 1.0)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
        running.start();
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }
}

package org.linyunzhi.task.internal.supervision;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;

/**
 * Starts polling for due timers once the context is up (after Flyway created the table) and stops
 * before the connection pool closes, so a shutdown lets running firings finish. A stopped
 * db-scheduler cannot start again, so every start builds a new one: a context that is stopped and
 * started (the test framework pauses cached contexts that way) fires timers again afterwards.
 */
class TimerSchedulerLifecycle implements SmartLifecycle {

    private final Supplier<Scheduler> newScheduler;
    private final boolean executeTimers;
    private Scheduler running;

    TimerSchedulerLifecycle(Supplier<Scheduler> newScheduler, boolean executeTimers) {
        this.newScheduler = newScheduler;
        this.executeTimers = executeTimers;
    }

    @Override
    public synchronized void start() {
        if (executeTimers && running == null) {
            running = newScheduler.get();
            running.start();
        }
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

package org.linyunzhi.task.internal.supervision;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.SmartLifecycle;

/**
 * Starts polling for due timers once the context is up (after Flyway created the table) and stops
 * before the connection pool closes, so a shutdown lets running firings finish.
 */
class TimerSchedulerLifecycle implements SmartLifecycle {

    private final Scheduler scheduler;
    private final boolean executeTimers;
    private volatile boolean running;

    TimerSchedulerLifecycle(Scheduler scheduler, boolean executeTimers) {
        this.scheduler = scheduler;
        this.executeTimers = executeTimers;
    }

    @Override
    public void start() {
        if (executeTimers) {
            scheduler.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        if (executeTimers) {
            scheduler.stop();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package org.linyunzhi.notification.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the module's pollers on threads of their own rather than on the platform's shared
 * scheduler (one thread on Java 17): a gateway that takes ten seconds to answer must not hold up
 * the live updates, nor another module's timers. One thread per job, each run after the previous
 * one finished, so a job never overlaps itself.
 */
@Component
class NotificationTimers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationTimers.class);

    private final LiveInbox live;
    private final DeliveryPoller deliveries;
    private final NotificationProperties properties;
    private volatile ScheduledExecutorService executor;

    NotificationTimers(LiveInbox live, DeliveryPoller deliveries, NotificationProperties properties) {
        this.live = live;
        this.deliveries = deliveries;
        this.properties = properties;
    }

    @Override
    public void start() {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newScheduledThreadPool(3, job -> {
            Thread t = new Thread(job, "notification-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        every(properties.live().poll(), "live poll", live::poll);
        every(properties.live().heartbeat(), "live heartbeat", live::heartbeat);
        every(properties.webhook().poll(), "webhook deliveries", deliveries::sendDue);
    }

    /** Stopped before the web server (default phase): open streams are ended first. */
    @Override
    public void stop() {
        live.closeAll();
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private void every(Duration period, String name, Runnable job) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                // a failed run (the database restarting, say) must not cancel the job's later runs
                log.warn("Notification job '{}' failed: {}", name,
                        org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).toString());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }
}

package org.linyunzhi.task.internal.calendar;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The calendar rules as read from the database, shared by every deadline computation of this node.
 * The idea is web's dictionary cache (docs/decisions/dictionary-cache.md): a change bumps the
 * version row {@code task_calendar_version} in its own transaction and drops this node's copy
 * after the commit; other nodes compare the row with their copy at most once per
 * {@code checkEvery} and reload when it moved. Web's class is internal to web and bound to web's
 * table, hence this small twin until it becomes a shared API.
 */
class CalendarCache {

    private final JdbcClient jdbc;
    private final WorkingHours hours;
    private final CalendarDays days;
    private final long checkEveryNanos;
    /** Moves on every local change, so a load racing with one does not install what it read before. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Copy copy;

    private record Copy(long version, CalendarRules rules, long checkedAt) {
    }

    CalendarCache(JdbcClient jdbc, WorkingHours hours, CalendarDays days, Duration checkEvery) {
        this.jdbc = jdbc;
        this.hours = hours;
        this.days = days;
        this.checkEveryNanos = checkEvery.toNanos();
    }

    CalendarRules rules() {
        Copy current = copy;
        if (current != null && System.nanoTime() - current.checkedAt() < checkEveryNanos) {
            return current.rules();
        }
        synchronized (this) {
            current = copy;
            if (current != null && System.nanoTime() - current.checkedAt() < checkEveryNanos) {
                return current.rules();
            }
            long generationAtStart = generation.get();
            // the version before the rows: a change committing in between costs one more load, never a stale copy
            long version = jdbc.sql("SELECT version FROM task_calendar_version").query(Long.class).single();
            CalendarRules rules = current != null && current.version() == version
                    ? current.rules() : new CalendarRules(hours, days.all());
            if (generation.get() == generationAtStart) {
                copy = new Copy(version, rules, System.nanoTime());
            }
            return rules;
        }
    }

    /** Records a change in the current transaction: published to other nodes only if it commits. */
    void changed() {
        jdbc.sql("UPDATE task_calendar_version SET version = version + 1").update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                generation.incrementAndGet();
                copy = null;
            }
        });
    }
}

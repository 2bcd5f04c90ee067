package org.linyunzhi.web.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A whole-table cache kept correct across the nodes of a cluster by one version row in
 * {@code web_config_version}. A change bumps the row inside its own transaction and drops this
 * node's copy once that transaction commits; other nodes compare the row with their copy's
 * version at most once per {@code checkEvery} and reload when it moved. A node thus sees its own
 * changes at once and others' within seconds, with no broker and no lost invalidation message.
 *
 * @param <T> the cached value, rebuilt whole by the loader
 */
public final class VersionedCache<T> {

    private final JdbcClient jdbc;
    private final String name;
    private final Supplier<T> loader;
    private final long checkEveryNanos;
    private final ReentrantLock loading = new ReentrantLock();
    /** Moves on every local invalidation, so a load that raced with one does not install stale data. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot<T> snapshot;

    private record Snapshot<T>(long version, T value, long checkedAt) {
    }

    public VersionedCache(JdbcClient jdbc, String name, Duration checkEvery, Supplier<T> loader) {
        this.jdbc = jdbc;
        this.name = name;
        this.loader = loader;
        this.checkEveryNanos = checkEvery.toNanos();
    }

    public T get() {
        Snapshot<T> current = snapshot;
        if (fresh(current)) {
            return current.value();
        }
        loading.lock();
        try {
            current = snapshot;
            if (fresh(current)) {
                return current.value();
            }
            long generationAtStart = generation.get();
            // version first: a change committing between the two reads only causes one more reload
            long version = version();
            T value = current != null && current.version() == version ? current.value() : loader.get();
            if (generation.get() == generationAtStart) {
                snapshot = new Snapshot<>(version, value, System.nanoTime());
            }
            return value;
        } finally {
            loading.unlock();
        }
    }

    /**
     * Records a change made in the current transaction: the version moves with it (other nodes
     * see it only if it commits) and this node's copy is dropped after the commit.
     */
    public void changed() {
        jdbc.sql("UPDATE web_config_version SET version = version + 1 WHERE name = :name").param("name", name).update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    invalidate();
                }
            });
        } else {
            invalidate();
        }
    }

    /** Drops this node's copy; the next read loads afresh. */
    public void invalidate() {
        generation.incrementAndGet();
        snapshot = null;
    }

    private boolean fresh(Snapshot<T> s) {
        return s != null && System.nanoTime() - s.checkedAt() < checkEveryNanos;
    }

    private long version() {
        return jdbc.sql("SELECT version FROM web_config_version WHERE name = :name").param("name", name)
                .query(Long.class).single();
    }
}

package org.linyunzhi.task.internal.supervision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The record that a timer fired, one row per kind, task and deadline, written in the transaction
 * that tells the listeners. db-scheduler fires at least once: a node that dies after the listeners'
 * commit but before it removed the timer leaves it to be fired again by another node. The row
 * turns that second firing into nothing, and so does scheduling the same deadline again.
 */
class DeadlineFirings {

    private final JdbcClient jdbc;

    DeadlineFirings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True for the first firing of this timer; false when it fired before (the caller then does nothing). */
    boolean claim(DeadlineKind kind, UUID taskId, Instant deadline, String node) {
        return jdbc.sql("""
                        INSERT INTO task_deadline_firing (kind, task_id, deadline, fired_by)
                        VALUES (:kind, :taskId, :deadline, :node)
                        ON CONFLICT (kind, task_id, deadline) DO NOTHING""")
                .param("kind", kind.name())
                .param("taskId", taskId)
                .param("deadline", OffsetDateTime.ofInstant(deadline, ZoneOffset.UTC))
                .param("node", node)
                .update() == 1;
    }

    /** Forgets firings older than the cut-off; by then no repeated firing of theirs can come. */
    int forgetBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM task_deadline_firing WHERE fired_at < :cutoff")
                .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .update();
    }
}

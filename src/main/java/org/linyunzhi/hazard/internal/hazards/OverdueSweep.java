package org.linyunzhi.hazard.internal.hazards;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds open hazards past their deadline and marks them overdue, then hands those overdue for longer
 * than the escalation delay to the body one level up. Each hazard changes in its own transaction under
 * optimistic locking, and the aggregate refuses a second marking, so a sweep run twice (two nodes, a
 * retry after a crash) tells nobody twice. Run by {@link SweepScheduler}; callable directly in tests.
 */
@Component
class OverdueSweep {

    private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);
    /** Hazards handled per kind and run; the next run takes the rest. */
    static final int BATCH = 500;
    static final String SYSTEM = "overdue-sweep";

    record Result(int markedOverdue, int escalated) {
    }

    private final JdbcClient jdbc;
    private final HazardLifecycle lifecycle;
    private final Duration escalationDelay;

    OverdueSweep(JdbcClient jdbc, HazardLifecycle lifecycle,
                 @Value("${linyunzhi.hazard.escalation-delay:P3D}") Duration escalationDelay) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
        this.escalationDelay = escalationDelay;
    }

    Result sweep() {
        Instant now = lifecycle.now();
        int marked = 0;
        for (UUID id : ids("""
                SELECT id FROM hazard_hazard WHERE status <> 'CLOSED' AND NOT overdue AND deadline < :now
                ORDER BY deadline LIMIT :batch""", now)) {
            marked += safely(() -> lifecycle.markOverdue(id, SYSTEM), id);
        }
        int escalated = 0;
        for (UUID id : ids("""
                SELECT id FROM hazard_hazard WHERE status <> 'CLOSED' AND overdue AND escalated_to IS NULL
                  AND overdue_at < :now ORDER BY overdue_at LIMIT :batch""", now.minus(escalationDelay))) {
            escalated += safely(() -> lifecycle.escalate(id, SYSTEM), id);
        }
        if (marked + escalated > 0) {
            log.info("Hazard sweep: {} marked overdue, {} escalated", marked, escalated);
        }
        return new Result(marked, escalated);
    }

    /** What this sweep would have done back then, for the demo's past: see {@link HazardIntake#overdueInThePast}. */
    void overdueInThePast(UUID hazardId) {
        lifecycle.overdueInThePast(hazardId, escalationDelay, SYSTEM);
    }

    private List<UUID> ids(String sql, Instant now) {
        return jdbc.sql(sql).param("now", Hazards.ts(now)).param("batch", BATCH).query(UUID.class).list();
    }

    /** One hazard that fails (changed meanwhile) must not stop the others; it is taken again next run. */
    private static int safely(java.util.function.BooleanSupplier change, UUID id) {
        try {
            return change.getAsBoolean() ? 1 : 0;
        } catch (RuntimeException e) {
            log.warn("Hazard sweep skipped {}: {}", id, e.getMessage());
            return 0;
        }
    }
}

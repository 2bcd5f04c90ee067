package org.linyunzhi.audit.internal;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes operation-log rows older than the retention, daily. Only a prefix of the chain goes: the
 * rows before the first one still inside the retention, so a row is never removed while an older
 * one stays. A checkpoint row appended in the same transaction records the last purged row, and
 * verification starts from it. A PostgreSQL advisory lock lets one node of a cluster do the work
 * (db-scheduler, planned for later, will take over the timing).
 */
@Component
class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    /** "LYZAUDIT" read as a number: the advisory lock no other job uses. */
    private static final long LOCK = 0x4C595A4155444954L;

    private final JdbcClient jdbc;
    private final OperationLog operationLog;
    private final TransactionTemplate tx;
    private final Duration retention;
    private final Clock clock = Clock.systemUTC();

    RetentionPurge(JdbcClient jdbc, OperationLog operationLog, PlatformTransactionManager transactions,
                   AuditProperties properties) {
        this.jdbc = jdbc;
        this.operationLog = operationLog;
        this.tx = new TransactionTemplate(transactions);
        this.retention = properties.retention();
    }

    @Scheduled(cron = "${linyunzhi.audit.purge-cron:0 20 3 * * *}", zone = "Asia/Shanghai")
    void daily() {
        Result result = purge();
        if (result.purgedRows() > 0) {
            log.info("Operation log purge: {} rows up to {} removed", result.purgedRows(), result.throughSeq());
        }
    }

    /** What a purge did; {@code ran} is false when another node held the lock. */
    record Result(boolean ran, long purgedRows, long throughSeq) {
    }

    Result purge() {
        return tx.execute(status -> {
            boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", LOCK)
                    .query(Boolean.class).single();
            if (!mine) {
                return new Result(false, 0, 0);
            }
            // the database's clock decides, the same clock the table's trigger checks against
            Long firstKept = jdbc.sql("SELECT min(seq) FROM audit_operation_log "
                            + "WHERE occurred_at >= now() - make_interval(secs => :seconds)")
                    .param("seconds", retention.toSeconds()).query(Long.class).single();
            Long first = jdbc.sql("SELECT min(seq) FROM audit_operation_log").query(Long.class).single();
            Long last = jdbc.sql("SELECT max(seq) FROM audit_operation_log").query(Long.class).single();
            if (first == null) {
                return new Result(true, 0, 0);
            }
            long through = firstKept != null ? firstKept - 1 : last;
            if (through < first) {
                return new Result(true, 0, 0);
            }
            String throughHash = jdbc.sql("SELECT hash FROM audit_operation_log WHERE seq = :seq")
                    .param("seq", through).query(String.class).single();
            jdbc.sql("SELECT set_config('linyunzhi.audit_purge', 'on', true)").query(String.class).single();
            int deleted = jdbc.sql("DELETE FROM audit_operation_log WHERE seq <= :through")
                    .param("through", through).update();
            jdbc.sql("SELECT set_config('linyunzhi.audit_purge', 'off', true)").query(String.class).single();
            operationLog.append(OperationEntry.checkpoint(clock.instant(), through, throughHash,
                    "{\"purgedRows\":" + deleted + ",\"retentionDays\":" + retention.toDays() + "}"));
            return new Result(true, deleted, through);
        });
    }
}

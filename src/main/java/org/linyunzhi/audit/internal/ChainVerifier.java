package org.linyunzhi.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.linyunzhi.audit.internal.ChainReport.Break;
import org.linyunzhi.audit.internal.ChainReport.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the chain from its anchor to its head in batches and reports the first row where it
 * breaks. The walk runs in one repeatable-read snapshot, so appends and purges running meanwhile
 * are neither half seen nor mistaken for tampering, and memory stays at one batch however long
 * the chain is.
 */
@Component
class ChainVerifier {

    static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    ChainVerifier(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.clock = Clock.systemUTC();
    }

    ChainReport verify() {
        return snapshot.execute(status -> walk());
    }

    private ChainReport walk() {
        Instant started = clock.instant();
        OperationLog.Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new OperationLog.Head(rs.getLong(1), rs.getString(2))).single();
        // after a purge the chain starts behind the latest checkpoint's last purged row
        OperationLog.Head anchor = jdbc.sql("SELECT anchor_seq, anchor_hash FROM audit_operation_log "
                        + "WHERE kind = 'CHECKPOINT' ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> new OperationLog.Head(rs.getLong(1), rs.getString(2)))
                .optional().orElse(new OperationLog.Head(0, ChainHash.GENESIS));

        long expectedSeq = anchor.lastSeq() + 1;
        String expectedPrev = anchor.lastHash();
        long checked = 0;
        Long firstSeq = null;
        long after = Long.MIN_VALUE;
        Break broken = null;
        while (broken == null) {
            List<LogRow> batch = jdbc.sql("SELECT " + LogRow.COLUMNS + " FROM audit_operation_log "
                            + "WHERE seq > :after ORDER BY seq LIMIT :batch")
                    .param("after", after).param("batch", BATCH).query(LogRow::map).list();
            for (LogRow row : batch) {
                checked++;
                if (firstSeq == null) {
                    firstSeq = row.seq();
                }
                broken = check(row, expectedSeq, expectedPrev);
                if (broken != null) {
                    break;
                }
                expectedSeq = row.seq() + 1;
                expectedPrev = row.hash();
            }
            if (batch.size() < BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1).seq();
        }
        if (broken == null) {
            broken = compareWithHead(expectedSeq - 1, expectedPrev, head);
        }
        return new ChainReport(broken == null, checked, firstSeq, head.lastSeq(), head.lastHash(), broken,
                started, clock.millis() - started.toEpochMilli());
    }

    private static Break check(LogRow row, long expectedSeq, String expectedPrev) {
        if (!row.hashMatches()) {
            return new Break(row.seq(), Kind.ALTERED, "row " + row.seq() + " was changed after it was written");
        }
        if (row.seq() > expectedSeq) {
            return new Break(expectedSeq, Kind.DELETED, row.seq() - expectedSeq == 1
                    ? "row " + expectedSeq + " is missing"
                    : "rows " + expectedSeq + " to " + (row.seq() - 1) + " are missing");
        }
        if (row.seq() < expectedSeq) {
            return new Break(row.seq(), Kind.INSERTED, "row " + row.seq() + " lies before the last purge checkpoint");
        }
        if (!row.prevHash().equals(expectedPrev)) {
            return new Break(row.seq(), Kind.INSERTED, "row " + row.seq()
                    + " does not link to the row before it: it was inserted or replaced");
        }
        return null;
    }

    private static Break compareWithHead(long lastSeq, String lastHash, OperationLog.Head head) {
        if (lastSeq < head.lastSeq()) {
            return new Break(lastSeq + 1, Kind.DELETED, "rows " + (lastSeq + 1) + " to " + head.lastSeq()
                    + " are missing from the end of the chain");
        }
        if (lastSeq > head.lastSeq()) {
            return new Break(head.lastSeq() + 1, Kind.INSERTED, "rows after " + head.lastSeq()
                    + " were added outside the application");
        }
        if (!lastHash.equals(head.lastHash())) {
            return new Break(lastSeq, Kind.ALTERED, "row " + lastSeq + " differs from the chain head");
        }
        return null;
    }
}

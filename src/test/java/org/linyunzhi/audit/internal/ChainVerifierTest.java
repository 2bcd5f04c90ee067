package org.linyunzhi.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tampering is simulated inside the test's transaction: the trigger that protects the table is
 * disabled there, and the rollback at the end restores rows and trigger alike.
 */
@IntegrationTest
@Transactional
class ChainVerifierTest {

    @Autowired
    OperationLog operationLog;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anIntactChainVerifies() {
        long first = operationLog.append(Entries.write("alice", Instant.now()));
        long last = operationLog.append(Entries.write("bob", Instant.now()));

        ChainReport report = verifier.verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.firstBreak()).isNull();
        assertThat(report.headSeq()).isEqualTo(last);
        assertThat(report.rowsChecked()).isGreaterThanOrEqualTo(last - first + 1);
    }

    @Test
    void anEditedRowIsFound() {
        operationLog.append(Entries.write("alice", Instant.now()));
        long edited = operationLog.append(Entries.write("bob", Instant.now()));
        operationLog.append(Entries.write("carol", Instant.now()));

        withoutTrigger(() -> jdbc.sql("UPDATE audit_operation_log SET username = 'mallory' WHERE seq = :seq")
                .param("seq", edited).update());
        ChainReport report = verifier.verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBreak().seq()).isEqualTo(edited);
        assertThat(report.firstBreak().kind()).isEqualTo(ChainReport.Kind.ALTERED);
    }

    @Test
    void aDeletedRowIsFound() {
        operationLog.append(Entries.write("alice", Instant.now()));
        long deleted = operationLog.append(Entries.write("bob", Instant.now()));
        operationLog.append(Entries.write("carol", Instant.now()));

        withoutTrigger(() -> jdbc.sql("DELETE FROM audit_operation_log WHERE seq = :seq").param("seq", deleted).update());
        ChainReport report = verifier.verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBreak().seq()).isEqualTo(deleted);
        assertThat(report.firstBreak().kind()).isEqualTo(ChainReport.Kind.DELETED);
    }

    @Test
    void rowsDeletedFromTheEndAreFoundThroughTheHead() {
        operationLog.append(Entries.write("alice", Instant.now()));
        long last = operationLog.append(Entries.write("bob", Instant.now()));

        withoutTrigger(() -> jdbc.sql("DELETE FROM audit_operation_log WHERE seq = :seq").param("seq", last).update());
        ChainReport report = verifier.verify();

        assertThat(report.firstBreak().seq()).isEqualTo(last);
        assertThat(report.firstBreak().kind()).isEqualTo(ChainReport.Kind.DELETED);
    }

    @Test
    void aRowInsertedBehindTheApplicationsBackIsFound() {
        long last = operationLog.append(Entries.write("alice", Instant.now()));
        // a forged row with a correct hash, linked to the real last row, but not through the chain head
        OperationEntry forged = Entries.write("mallory", Instant.now());
        String prev = jdbc.sql("SELECT hash FROM audit_operation_log WHERE seq = :seq").param("seq", last).query(String.class).single();
        jdbc.sql("INSERT INTO audit_operation_log (seq, kind, occurred_at, username, action, success, prev_hash, hash) "
                        + "VALUES (:seq, 'OPERATION', now(), 'mallory', 'POST x', true, :prev, 'forged')")
                .param("seq", last + 1).param("prev", prev).update();

        ChainReport report = verifier.verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBreak().seq()).isEqualTo(last + 1);
        assertThat(report.firstBreak().kind()).isIn(ChainReport.Kind.ALTERED, ChainReport.Kind.INSERTED);
    }

    @Test
    void theTableRefusesUpdatesDeletesAndTruncation() {
        long seq = operationLog.append(Entries.write("alice", Instant.now()));

        assertThat(refused("UPDATE audit_operation_log SET username = 'x' WHERE seq = " + seq)).contains("append-only");
        assertThat(refused("DELETE FROM audit_operation_log WHERE seq = " + seq)).contains("append-only");
        assertThat(refused("TRUNCATE audit_operation_log")).contains("append-only");
        // even the purge's switch does not let a young row go
        assertThat(refused("SELECT set_config('linyunzhi.audit_purge', 'on', true)",
                "DELETE FROM audit_operation_log WHERE seq = " + seq)).contains("append-only");
    }

    private String refused(String... statements) {
        // a savepoint keeps the test's transaction usable after the expected error
        jdbc.sql("SAVEPOINT attempt").update();
        try {
            for (String sql : statements) {
                jdbc.sql(sql).query().rowSet();
            }
            return "accepted";
        } catch (RuntimeException e) {
            return NestedExceptionUtils.getMostSpecificCause(e).getMessage();
        } finally {
            jdbc.sql("ROLLBACK TO SAVEPOINT attempt").update();
        }
    }

    private void withoutTrigger(Runnable tampering) {
        jdbc.sql("ALTER TABLE audit_operation_log DISABLE TRIGGER audit_operation_log_immutable").update();
        tampering.run();
        jdbc.sql("ALTER TABLE audit_operation_log ENABLE TRIGGER audit_operation_log_immutable").update();
    }
}

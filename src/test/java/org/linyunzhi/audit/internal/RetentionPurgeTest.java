package org.linyunzhi.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * The purge on a chain of known age. The test's transaction empties the table (trigger disabled
 * for that alone) and builds a chain from 200- and 10-day-old rows; the rollback restores the
 * real log.
 */
@IntegrationTest
@Transactional
class RetentionPurgeTest {

    @Autowired
    OperationLog operationLog;
    @Autowired
    RetentionPurge purge;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    JdbcClient jdbc;

    @Test
    void removesOnlyRowsOlderThanTheRetentionAndTheChainStillVerifies() {
        startAFreshChain();
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            operationLog.append(Entries.write("old" + i, now.minus(Duration.ofDays(200))));
        }
        long firstYoung = operationLog.append(Entries.write("young0", now.minus(Duration.ofDays(10))));
        operationLog.append(Entries.write("young1", now.minus(Duration.ofDays(1))));

        RetentionPurge.Result result = purge.purge();

        assertThat(result.ran()).isTrue();
        assertThat(result.purgedRows()).isEqualTo(3);
        assertThat(result.throughSeq()).isEqualTo(firstYoung - 1);
        List<String> left = jdbc.sql("SELECT coalesce(username, kind) FROM audit_operation_log ORDER BY seq")
                .query(String.class).list();
        assertThat(left).containsExactly("young0", "young1", "CHECKPOINT");
        LogRow checkpoint = jdbc.sql("SELECT " + LogRow.COLUMNS + " FROM audit_operation_log WHERE kind = 'CHECKPOINT'")
                .query(LogRow::map).single();
        assertThat(checkpoint.entry().anchorSeq()).isEqualTo(firstYoung - 1);

        ChainReport report = verifier.verify();
        assertThat(report.intact()).as("%s", report.firstBreak()).isTrue();
        assertThat(report.firstSeq()).isEqualTo(firstYoung);

        // and a second purge finds nothing more to do
        assertThat(purge.purge().purgedRows()).isZero();
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void afterAPurgeDeletingTheOldestRemainingRowIsStillFound() {
        startAFreshChain();
        Instant now = Instant.now();
        operationLog.append(Entries.write("old", now.minus(Duration.ofDays(300))));
        long firstYoung = operationLog.append(Entries.write("young0", now.minus(Duration.ofDays(3))));
        operationLog.append(Entries.write("young1", now.minus(Duration.ofDays(2))));
        purge.purge();

        jdbc.sql("ALTER TABLE audit_operation_log DISABLE TRIGGER audit_operation_log_immutable").update();
        jdbc.sql("DELETE FROM audit_operation_log WHERE seq = :seq").param("seq", firstYoung).update();
        jdbc.sql("ALTER TABLE audit_operation_log ENABLE TRIGGER audit_operation_log_immutable").update();

        ChainReport report = verifier.verify();
        assertThat(report.firstBreak().kind()).isEqualTo(ChainReport.Kind.DELETED);
        assertThat(report.firstBreak().seq()).isEqualTo(firstYoung);
    }

    @Test
    void aRetentionShorterThan184DaysIsRefused() {
        assertThatThrownBy(() -> new AuditProperties(Duration.ofDays(90), List.of(), List.of(), DataSize.ofKilobytes(2),
                DataSize.ofKilobytes(64)))
                .hasMessageContaining("at least 184 days");
        assertThat(new AuditProperties(Duration.ofDays(365), List.of(), List.of(), DataSize.ofKilobytes(2),
                DataSize.ofKilobytes(64)).retention()).isEqualTo(Duration.ofDays(365));
    }

    private void startAFreshChain() {
        jdbc.sql("ALTER TABLE audit_operation_log DISABLE TRIGGER audit_operation_log_immutable").update();
        jdbc.sql("DELETE FROM audit_operation_log").update();
        jdbc.sql("ALTER TABLE audit_operation_log ENABLE TRIGGER audit_operation_log_immutable").update();
        jdbc.sql("UPDATE audit_chain_head SET last_seq = 0, last_hash = :genesis").param("genesis", ChainHash.GENESIS).update();
    }
}

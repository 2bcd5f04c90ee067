package org.linyunzhi.audit.internal;

import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends rows to the chain. Each append locks the chain head, so appends from every node of a
 * cluster queue up behind one another and each row links to the one before it; the lock is held
 * only for one insert and one update.
 */
@Component
class OperationLog {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    OperationLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Appends the entry and answers its sequence number. Joins a running transaction if there is one. */
    long append(OperationEntry e) {
        Long seq = tx.execute(status -> {
            Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                    .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
            long next = head.lastSeq() + 1;
            String hash = ChainHash.next(head.lastHash(), e.canonical(next));
            jdbc.sql("INSERT INTO audit_operation_log (" + LogRow.COLUMNS + ") VALUES (:seq, :kind, :occurredAt, "
                            + ":userId, :username, :roles, :httpMethod, :action, :title, :path, :recordRef, :params, "
                            + ":body, :files, :clientIp, :userAgent, :status, :success, :error, :durationMs, "
                            + ":anchorSeq, :anchorHash, :prevHash, :hash)")
                    .param("seq", next)
                    .param("kind", e.kind().name())
                    .param("occurredAt", e.occurredAt().atOffset(ZoneOffset.UTC))
                    .param("userId", e.userId())
                    .param("username", e.username())
                    .param("roles", e.roles())
                    .param("httpMethod", e.httpMethod())
                    .param("action", e.action())
                    .param("title", e.title())
                    .param("path", e.path())
                    .param("recordRef", e.recordRef())
                    .param("params", e.params())
                    .param("body", e.body())
                    .param("files", e.files())
                    .param("clientIp", e.clientIp())
                    .param("userAgent", e.userAgent())
                    .param("status", e.status())
                    .param("success", e.success())
                    .param("error", e.error())
                    .param("durationMs", e.durationMs())
                    .param("anchorSeq", e.anchorSeq())
                    .param("anchorHash", e.anchorHash())
                    .param("prevHash", head.lastHash())
                    .param("hash", hash)
                    .update();
            jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash, updated_at = now() WHERE id = 1")
                    .param("seq", next).param("hash", hash).update();
            return next;
        });
        return seq;
    }

    record Head(long lastSeq, String lastHash) {
    }
}

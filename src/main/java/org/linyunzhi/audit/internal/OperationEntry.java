package org.linyunzhi.audit.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The content of one row of the operation log, before it takes its place in the chain. Text
 * fields are already masked. A {@code CHECKPOINT} row is written by the retention purge instead
 * of a request: it names the last purged row so verification can start after it.
 */
record OperationEntry(Kind kind, Instant occurredAt, UUID userId, String username, String roles,
                      String httpMethod, String action, String title, String path, String recordRef,
                      String params, String body, String files, String clientIp, String userAgent,
                      Integer status, boolean success, String error, Integer durationMs,
                      Long anchorSeq, String anchorHash) {

    enum Kind { OPERATION, CHECKPOINT }

    OperationEntry {
        // PostgreSQL keeps microseconds: hash what will be read back, not what the clock said
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    static OperationEntry checkpoint(Instant at, long purgedThroughSeq, String purgedThroughHash, String summary) {
        return new OperationEntry(Kind.CHECKPOINT, at, null, null, null, null, "CHECKPOINT", "audit.checkpoint",
                null, null, summary, null, null, null, null, null, true, null, null,
                purgedThroughSeq, purgedThroughHash);
    }

    /**
     * Every field in a fixed order, each as name, length and value, so that no two different rows
     * can produce the same text (a value cannot pretend to end early and start the next field).
     */
    String canonical(long seq) {
        StringBuilder out = new StringBuilder(512);
        field(out, "seq", seq);
        field(out, "kind", kind);
        field(out, "occurred_at", occurredAt);
        field(out, "user_id", userId);
        field(out, "username", username);
        field(out, "roles", roles);
        field(out, "http_method", httpMethod);
        field(out, "action", action);
        field(out, "title", title);
        field(out, "path", path);
        field(out, "record_ref", recordRef);
        field(out, "params", params);
        field(out, "body", body);
        field(out, "files", files);
        field(out, "client_ip", clientIp);
        field(out, "user_agent", userAgent);
        field(out, "status", status);
        field(out, "success", success);
        field(out, "error", error);
        field(out, "duration_ms", durationMs);
        field(out, "anchor_seq", anchorSeq);
        field(out, "anchor_hash", anchorHash);
        return out.toString();
    }

    private static void field(StringBuilder out, String name, Object value) {
        out.append(name);
        if (value == null) {
            out.append("=-\n");
            return;
        }
        String text = value.toString();
        out.append('=').append(text.length()).append(':').append(text).append('\n');
    }
}

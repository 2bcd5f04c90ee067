package org.linyunzhi.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Webhook deliveries: one row per inbox row while the webhook is on, with its attempts. Rows are
 * the queue, so a delivery survives a restart and any node may send it; a row being sent is
 * locked, and the other nodes skip it.
 */
@Repository
class Deliveries {

    enum Status { PENDING, DELIVERED, FAILED }

    /** A due delivery, claimed (row-locked) by the transaction that is sending it. */
    record Claimed(UUID id, String payload, int attempts) {
    }

    /** A delivery as the page lists it, with what it was about and for whom. */
    record Row(UUID id, Status status, int attempts, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus,
               String lastError, Instant createdAt, Instant deliveredAt, UUID userId, NotificationKind kind,
               String subjectNumber, String subjectName) {
    }

    record Attempt(int attempt, Instant at, String url, Integer statusCode, String error, int durationMs) {
    }

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID inboxId, String payload, Instant now) {
        jdbc.sql("""
                        INSERT INTO notification_delivery (id, inbox_id, payload, status, next_attempt_at, created_at)
                        VALUES (:id, :inbox, :payload, 'PENDING', :now, :now)
                        ON CONFLICT ON CONSTRAINT notification_delivery_once DO NOTHING""")
                .param("id", id).param("inbox", inboxId).param("payload", payload).param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Locks the most overdue pending delivery for the calling transaction. {@code SKIP LOCKED}:
     * a delivery another node is sending right now is not waited for but passed over, so two nodes
     * never send one delivery at the same time.
     */
    Optional<Claimed> claimNextDue(Instant now) {
        return jdbc.sql("""
                        SELECT id, payload, attempts FROM notification_delivery
                         WHERE status = 'PENDING' AND next_attempt_at <= :now
                         ORDER BY next_attempt_at
                         LIMIT 1
                           FOR UPDATE SKIP LOCKED""")
                .param("now", Timestamp.from(now))
                .query((rs, i) -> new Claimed(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)))
                .optional();
    }

    /** Records the outcome of an attempt on a claimed delivery and when to try again, if at all. */
    void recordAttempt(Claimed d, WebhookSender.Result result, String url, Status status, Instant at, Instant next) {
        int attempt = d.attempts() + 1;
        jdbc.sql("""
                        INSERT INTO notification_delivery_attempt (delivery_id, attempt, at, url, status_code, error, duration_ms)
                        VALUES (:id, :attempt, :at, :url, :code, :error, :ms)""")
                .param("id", d.id()).param("attempt", attempt).param("at", Timestamp.from(at)).param("url", url)
                .param("code", result.statusCode()).param("error", result.error()).param("ms", (int) result.millis())
                .update();
        jdbc.sql("""
                        UPDATE notification_delivery
                           SET status = :status, attempts = :attempt, last_attempt_at = :at, last_status = :code,
                               last_error = :error, next_attempt_at = :next,
                               delivered_at = CASE WHEN :status = 'DELIVERED' THEN CAST(:at AS TIMESTAMPTZ) END
                         WHERE id = :id""")
                .param("status", status.name()).param("attempt", attempt).param("at", Timestamp.from(at))
                .param("code", result.statusCode()).param("error", result.error())
                .param("next", next == null ? null : Timestamp.from(next)).param("id", d.id())
                .update();
    }

    /**
     * Sends a failed or waiting delivery at the next poll. A failed one gets one more attempt; if
     * that fails too it is failed again, so a person's "retry" never starts an unseen series.
     *
     * @return false when there is no such delivery or it was already delivered
     */
    boolean retryNow(UUID id, Instant now) {
        return jdbc.sql("""
                        UPDATE notification_delivery SET status = 'PENDING', next_attempt_at = :now
                         WHERE id = :id AND status IN ('PENDING', 'FAILED')""")
                .param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    /** The newest deliveries, optionally of one status. */
    List<Row> recent(Status status, int limit) {
        return jdbc.sql("""
                        SELECT d.id, d.status, d.attempts, d.next_attempt_at, d.last_attempt_at, d.last_status, d.last_error,
                               d.created_at, d.delivered_at, i.user_id, i.kind, i.subject_number, i.subject_name
                          FROM notification_delivery d JOIN notification_inbox i ON i.id = d.inbox_id
                         WHERE (CAST(:status AS TEXT) IS NULL OR d.status = :status)
                         ORDER BY d.created_at DESC
                         LIMIT :limit""")
                .param("status", status == null ? null : status.name()).param("limit", limit)
                .query(Deliveries::row).list();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("""
                        SELECT d.id, d.status, d.attempts, d.next_attempt_at, d.last_attempt_at, d.last_status, d.last_error,
                               d.created_at, d.delivered_at, i.user_id, i.kind, i.subject_number, i.subject_name
                          FROM notification_delivery d JOIN notification_inbox i ON i.id = d.inbox_id
                         WHERE d.id = :id""")
                .param("id", id).query(Deliveries::row).optional();
    }

    Optional<UUID> ofInbox(UUID inboxId) {
        return jdbc.sql("SELECT id FROM notification_delivery WHERE inbox_id = :inbox").param("inbox", inboxId)
                .query(UUID.class).optional();
    }

    List<Attempt> attempts(UUID id) {
        return jdbc.sql("""
                        SELECT attempt, at, url, status_code, error, duration_ms FROM notification_delivery_attempt
                         WHERE delivery_id = :id ORDER BY attempt""")
                .param("id", id)
                .query((rs, i) -> new Attempt(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getObject(4, Integer.class), rs.getString(5), rs.getInt(6)))
                .list();
    }

    /** How many deliveries are in each status, for the page's summary. */
    java.util.Map<Status, Long> counts() {
        java.util.Map<Status, Long> counts = new java.util.EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("SELECT status, count(*) FROM notification_delivery GROUP BY status")
                .query(rs -> {
                    counts.put(Status.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("last_attempt_at")),
                rs.getObject("last_status", Integer.class), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("delivered_at")),
                rs.getObject("user_id", UUID.class), NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("subject_number"), rs.getString("subject_name"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

package org.linyunzhi.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored inboxes. Every read and write names the user: nobody reads another person's mail. */
@Repository
class Inbox {

    private static final String COLUMNS = """
            id, user_id, kind, subject_type, subject_id, subject_number, subject_name, detail, link, occurred_at,
            created_at, read_at""";

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Puts the notice into each recipient's inbox once; a recipient who already has it (the event
     * was delivered again) is skipped.
     *
     * @return the rows that are new
     */
    List<InboxEntry> deliver(Notice notice) {
        List<InboxEntry> created = new ArrayList<>();
        for (UUID user : notice.recipients()) {
            jdbc.sql("""
                            INSERT INTO notification_inbox (id, user_id, kind, subject_type, subject_id, subject_number,
                                                            subject_name, detail, link, occurred_at, source_key)
                            VALUES (:id, :user, :kind, :type, :subject, :number, :name, :detail, :link, :at, :key)
                            ON CONFLICT ON CONSTRAINT notification_inbox_once DO NOTHING
                            RETURNING\s""" + COLUMNS)
                    .param("id", UUID.randomUUID()).param("user", user).param("kind", notice.kind().name())
                    .param("type", notice.subjectType()).param("subject", notice.subjectId())
                    .param("number", notice.subjectNumber()).param("name", notice.subjectName())
                    .param("detail", notice.detail()).param("link", notice.link())
                    .param("at", Timestamp.from(notice.occurredAt())).param("key", notice.sourceKey())
                    .query(Inbox::entry).optional().ifPresent(created::add);
        }
        return created;
    }

    long unreadCount(UUID user) {
        return jdbc.sql("SELECT count(*) FROM notification_inbox WHERE user_id = :user AND read_at IS NULL")
                .param("user", user).query(Long.class).single();
    }

    Map<UUID, Long> unreadCounts(Collection<UUID> users) {
        Map<UUID, Long> counts = new HashMap<>();
        users.forEach(u -> counts.put(u, 0L));
        if (!users.isEmpty()) {
            jdbc.sql("""
                            SELECT user_id, count(*) FROM notification_inbox
                             WHERE user_id IN (:users) AND read_at IS NULL GROUP BY user_id""")
                    .param("users", users)
                    .query(rs -> {
                        counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
                    });
        }
        return counts;
    }

    /** A user's notifications, newest first, older than {@code before} when given. */
    List<InboxEntry> list(UUID user, boolean unreadOnly, Instant before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_inbox WHERE user_id = :user"
                        + " AND (:unreadOnly = FALSE OR read_at IS NULL)"
                        + " AND (CAST(:before AS TIMESTAMPTZ) IS NULL OR created_at < :before)"
                        + " ORDER BY created_at DESC LIMIT :limit")
                .param("user", user).param("unreadOnly", unreadOnly)
                .param("before", before == null ? null : Timestamp.from(before)).param("limit", limit)
                .query(Inbox::entry).list();
    }

    java.util.Optional<InboxEntry> find(UUID user, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_inbox WHERE id = :id AND user_id = :user")
                .param("id", id).param("user", user).query(Inbox::entry).optional();
    }

    /** @return false when the user has no such notification */
    boolean markRead(UUID user, UUID id, Instant at) {
        int found = jdbc.sql("""
                        UPDATE notification_inbox SET read_at = COALESCE(read_at, :at) WHERE id = :id AND user_id = :user""")
                .param("at", Timestamp.from(at)).param("id", id).param("user", user).update();
        return found == 1;
    }

    int markAllRead(UUID user, Instant at) {
        return jdbc.sql("UPDATE notification_inbox SET read_at = :at WHERE user_id = :user AND read_at IS NULL")
                .param("at", Timestamp.from(at)).param("user", user).update();
    }

    /** Rows created at or after {@code since} for any of these users, oldest first: the live poll. */
    List<InboxEntry> createdSince(Instant since, Collection<UUID> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_inbox WHERE created_at >= :since"
                        + " AND user_id IN (:users) ORDER BY created_at")
                .param("since", Timestamp.from(since)).param("users", users).query(Inbox::entry).list();
    }

    /** The database's clock: every node measures the live poll's window by the same clock. */
    Instant databaseNow() {
        return jdbc.sql("SELECT clock_timestamp()").query(Timestamp.class).single().toInstant();
    }

    static InboxEntry entry(ResultSet rs, int row) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new InboxEntry(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                NotificationKind.valueOf(rs.getString("kind")), rs.getString("subject_type"),
                rs.getObject("subject_id", UUID.class), rs.getString("subject_number"), rs.getString("subject_name"),
                rs.getString("detail"), rs.getString("link"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }
}

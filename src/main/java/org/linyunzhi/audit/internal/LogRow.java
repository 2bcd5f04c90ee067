package org.linyunzhi.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row as stored: its place in the chain, its content and its two hashes. */
record LogRow(long seq, OperationEntry entry, String prevHash, String hash) {

    static final String COLUMNS = "seq, kind, occurred_at, user_id, username, roles, http_method, action, title, "
            + "path, record_ref, params, body, files, client_ip, user_agent, status, success, error, duration_ms, "
            + "anchor_seq, anchor_hash, prev_hash, hash";

    /** Whether the stored hash still matches the stored content and link. */
    boolean hashMatches() {
        return ChainHash.next(prevHash, entry.canonical(seq)).equals(hash);
    }

    static LogRow map(ResultSet rs, int rowNum) throws SQLException {
        OperationEntry entry = new OperationEntry(
                OperationEntry.Kind.valueOf(rs.getString("kind")),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("user_id", UUID.class),
                rs.getString("username"),
                rs.getString("roles"),
                rs.getString("http_method"),
                rs.getString("action"),
                rs.getString("title"),
                rs.getString("path"),
                rs.getString("record_ref"),
                rs.getString("params"),
                rs.getString("body"),
                rs.getString("files"),
                rs.getString("client_ip"),
                rs.getString("user_agent"),
                rs.getObject("status", Integer.class),
                rs.getBoolean("success"),
                rs.getString("error"),
                rs.getObject("duration_ms", Integer.class),
                rs.getObject("anchor_seq", Long.class),
                rs.getString("anchor_hash"));
        return new LogRow(rs.getLong("seq"), entry, rs.getString("prev_hash"), rs.getString("hash"));
    }
}

package org.linyunzhi.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linyunzhi.identity.DataScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every login attempt and its outcome, for the security administrator and the auditor. */
@Repository
class LoginLog {

    enum Result { SUCCESS, BAD_PASSWORD, LOCKED, BAD_TOTP, DISABLED }

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginLog(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** Records one attempt; {@code account} is null when the name matched no account. */
    void record(String username, Account account, LoginDetails details, Result result) {
        jdbc.sql("""
                        INSERT INTO login_log (at, username, user_id, region_code, ip, browser, user_agent, result)
                        VALUES (:at, :username, :userId, :region, :ip, :browser, :agent, :result)""")
                .param("at", Timestamp.from(clock.instant()))
                .param("username", truncate(username, 64))
                .param("userId", account == null ? null : account.id())
                .param("region", account == null ? null : account.regionCode())
                .param("ip", truncate(details.ip(), 64))
                .param("browser", truncate(details.browser(), 128))
                .param("agent", truncate(details.userAgent(), 512))
                .param("result", result.name())
                .update();
    }

    /**
     * One page of attempts in scope. Attempts with names that match no account carry no region, so
     * only a platform-wide scope sees them.
     */
    PageOf<Entry> search(Filter filter, DataScope scope, int page, int size) {
        DataScope.SqlPredicate inScope = scope.predicate("l.region_code", "l.user_id", null);
        StringBuilder where = new StringBuilder(" WHERE ").append(inScope.sql());
        Map<String, Object> params = new HashMap<>(inScope.params());
        if (filter.username() != null && !filter.username().isBlank()) {
            where.append(" AND lower(l.username) LIKE :username ESCAPE '\\'");
            params.put("username", "%" + Like.escape(filter.username().strip().toLowerCase()) + "%");
        }
        if (filter.result() != null) {
            where.append(" AND l.result = :result");
            params.put("result", filter.result().name());
        }
        if (filter.from() != null) {
            where.append(" AND l.at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND l.at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        long total = jdbc.sql("SELECT count(*) FROM login_log l" + where).params(params).query(Long.class).single();
        List<Entry> rows = jdbc.sql("SELECT l.at, l.username, l.ip, l.browser, l.result FROM login_log l" + where
                        + " ORDER BY l.at DESC, l.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("username"),
                        rs.getString("ip"), rs.getString("browser"), Result.valueOf(rs.getString("result"))))
                .list();
        return new PageOf<>(rows, page, size, total);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    record Entry(Instant at, String username, String ip, String browser, Result result) {
    }

    /** The login-log search form; {@code to} is exclusive. */
    record Filter(String username, Result result, Instant from, Instant to) {
    }
}

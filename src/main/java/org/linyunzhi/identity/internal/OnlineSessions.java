package org.linyunzhi.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Repository;

/**
 * The signed-in sessions of every node, read from the session tables (Spring Session JDBC). Ending a
 * session deletes it there, so the next request with its cookie, on any node, is anonymous.
 */
@Repository
class OnlineSessions {

    private final JdbcClient jdbc;
    private final JdbcIndexedSessionRepository sessions;
    private final Clock clock;

    OnlineSessions(JdbcClient jdbc, JdbcIndexedSessionRepository sessions, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** Live sessions of accounts in scope, most recently active first. */
    PageOf<Online> list(DataScope scope, int page, int size) {
        DataScope.SqlPredicate inScope = scope.predicate("u.region_code", "u.id", "u.department_id");
        String from = " FROM spring_session s JOIN user_account u ON lower(u.username) = lower(s.principal_name)"
                + " WHERE s.expiry_time > :now AND " + inScope.sql();
        long now = clock.millis();
        long total = jdbc.sql("SELECT count(*)" + from).param("now", now).params(inScope.params())
                .query(Long.class).single();
        List<Online> rows = jdbc.sql("SELECT s.session_id, s.creation_time, s.last_access_time, u.id, u.username,"
                        + " u.display_name, u.region_code" + from
                        + " ORDER BY s.last_access_time DESC LIMIT :limit OFFSET :offset")
                .param("now", now).params(inScope.params())
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new Online(rs.getString("session_id").strip(), (UUID) rs.getObject("id"),
                        rs.getString("username"), rs.getString("display_name"), rs.getString("region_code"),
                        Instant.ofEpochMilli(rs.getLong("creation_time")),
                        Instant.ofEpochMilli(rs.getLong("last_access_time")), null, null, false))
                .list();
        return new PageOf<>(rows.stream().map(this::withLoginDetails).toList(), page, size, total);
    }

    /**
     * Ends one session, if it belongs to an account in scope.
     *
     * @return false when there is no such session in scope
     */
    boolean end(String sessionId, DataScope scope) {
        DataScope.SqlPredicate inScope = scope.predicate("u.region_code", "u.id", "u.department_id");
        boolean found = jdbc.sql("""
                        SELECT count(*) FROM spring_session s
                        JOIN user_account u ON lower(u.username) = lower(s.principal_name)
                        WHERE s.session_id = :id AND""" + " " + inScope.sql())
                .param("id", sessionId).params(inScope.params())
                .query(Integer.class).single() > 0;
        if (found) {
            sessions.deleteById(sessionId);
        }
        return found;
    }

    /** Ends every session of the account but one (null: all), e.g. after it was disabled or reset. */
    void endAllOf(String username, String except) {
        jdbc.sql("DELETE FROM spring_session WHERE lower(principal_name) = lower(:username)"
                        + " AND (CAST(:except AS VARCHAR) IS NULL OR session_id <> :except)")
                .param("username", username).param("except", except).update();
    }

    /** Adds where and when the session signed in, kept with its authentication. */
    private Online withLoginDetails(Online row) {
        Session session = sessions.findById(row.sessionId());
        Object context = session == null ? null
                : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (!(context instanceof SecurityContext sc) || sc.getAuthentication() == null) {
            return row;
        }
        Authentication auth = sc.getAuthentication();
        LoginDetails details = LoginDetails.from(auth.getDetails());
        return new Online(row.sessionId(), row.userId(), row.username(), row.displayName(), row.regionCode(),
                details.at() != null ? details.at() : row.createdAt(), row.lastRequestAt(), details.ip(),
                details.browser(), LoginStep.of(auth).isPresent());
    }

    /**
     * One signed-in session.
     *
     * @param createdAt when the user signed in
     * @param pending   the login still owes a step (second factor, password change)
     */
    record Online(String sessionId, UUID userId, String username, String displayName, String regionCode,
                  Instant createdAt, Instant lastRequestAt, String ip, String browser, boolean pending) {
    }
}

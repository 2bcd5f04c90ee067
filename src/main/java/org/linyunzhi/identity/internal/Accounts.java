package org.linyunzhi.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user accounts table. Every read and write an administrator makes goes through a
 * {@link DataScope}, so a record outside the actor's part of the town is neither seen nor changed.
 */
@Repository
class Accounts {

    private static final String COLUMNS = """
            u.id, u.username, u.display_name, u.password_hash, u.must_change_password, u.password_changed_at,
            u.enabled, u.region_code, u.department_id, u.scope_kind, u.failed_attempts, u.locked_until,
            u.totp_secret, u.totp_enabled, u.totp_last_step, u.version""";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> byUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account u WHERE lower(u.username) = lower(:username)")
                .param("username", username)
                .query(this::withoutRoles).optional()
                .map(this::withRoles);
    }

    Optional<Account> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account u WHERE u.id = :id")
                .param("id", id)
                .query(this::withoutRoles).optional()
                .map(this::withRoles);
    }

    /** The account, if it lies inside the scope; otherwise empty, exactly as if it did not exist. */
    Optional<Account> byId(UUID id, DataScope scope) {
        DataScope.SqlPredicate inScope = inScope(scope);
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account u WHERE u.id = :id AND " + inScope.sql())
                .param("id", id)
                .params(inScope.params())
                .query(this::withoutRoles).optional()
                .map(this::withRoles);
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM user_account").query(Long.class).single();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("SELECT count(*) FROM user_account WHERE lower(username) = lower(:u)")
                .param("u", username).query(Integer.class).single() > 0;
    }

    /** One page of accounts in scope, matching the filter; the SQL is fixed, only values are bound. */
    PageOf<UserRow> search(UserFilter filter, DataScope scope, int page, int size) {
        DataScope.SqlPredicate inScope = inScope(scope);
        StringBuilder where = new StringBuilder(" WHERE ").append(inScope.sql());
        Map<String, Object> params = new HashMap<>(inScope.params());
        if (filter.hasText()) {
            where.append(" AND (lower(u.username) LIKE :text ESCAPE '\\' OR lower(u.display_name) LIKE :text ESCAPE '\\')");
            params.put("text", "%" + Like.escape(filter.text().toLowerCase()) + "%");
        }
        if (filter.regionCode() != null) {
            where.append(" AND u.region_code LIKE :regionPrefix ESCAPE '\\'");
            params.put("regionPrefix", Like.escape(filter.regionCode()) + "%");
        }
        if (filter.departmentId() != null) {
            where.append(" AND u.department_id = :department");
            params.put("department", filter.departmentId());
        }
        if (filter.status() != null) {
            where.append(switch (filter.status()) {
                case ENABLED -> " AND u.enabled";
                case DISABLED -> " AND NOT u.enabled";
                case LOCKED -> " AND u.locked_until > now()";
            });
        }
        long total = jdbc.sql("SELECT count(*) FROM user_account u" + where).params(params)
                .query(Long.class).single();
        List<UserRow> rows = jdbc.sql("""
                        SELECT u.id, u.username, u.display_name, u.region_code, u.enabled, u.locked_until,
                               u.totp_enabled, d.name AS department_name, d.name_en AS department_name_en,
                               (SELECT string_agg(r.role_code, ',' ORDER BY r.role_code) FROM user_role r
                                 WHERE r.user_id = u.id) AS roles
                        FROM user_account u LEFT JOIN department d ON d.id = u.department_id""" + where
                        + " ORDER BY u.region_code, u.username LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new UserRow((UUID) rs.getObject("id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("region_code"),
                        rs.getString("department_name"), rs.getString("department_name_en"),
                        rs.getString("roles") == null ? List.of() : List.of(rs.getString("roles").split(",")),
                        rs.getBoolean("enabled"), instant(rs, "locked_until"), rs.getBoolean("totp_enabled")))
                .list();
        return new PageOf<>(rows, page, size, total);
    }

    @Transactional
    void create(Account a, Instant now) {
        jdbc.sql("""
                        INSERT INTO user_account (id, username, display_name, password_hash, must_change_password,
                            password_changed_at, enabled, region_code, department_id, scope_kind, created_at, updated_at)
                        VALUES (:id, :username, :displayName, :hash, :mustChange, :now, TRUE, :region, :department,
                            :scopeKind, :now, :now)""")
                .param("id", a.id())
                .param("username", a.username())
                .param("displayName", a.displayName())
                .param("hash", a.passwordHash())
                .param("mustChange", a.mustChangePassword())
                .param("now", Timestamp.from(now))
                .param("region", a.regionCode())
                .param("department", a.departmentId())
                .param("scopeKind", a.scopeKind().name())
                .update();
        replaceRoles(a.id(), a.roles());
    }

    /**
     * Changes what an administrator may change, if the account is in scope and still at the version
     * the form was loaded with.
     *
     * @return false when nothing was updated: out of scope, or changed meanwhile
     */
    @Transactional
    boolean update(UUID id, int version, AccountChanges changes, DataScope scope) {
        DataScope.SqlPredicate inScope = inScope(scope);
        int updated = jdbc.sql("""
                        UPDATE user_account u SET display_name = :displayName, region_code = :region,
                            department_id = :department, scope_kind = :scopeKind, updated_at = :now,
                            version = version + 1
                        WHERE u.id = :id AND u.version = :version AND""" + " " + inScope.sql())
                .param("displayName", changes.displayName())
                .param("region", changes.regionCode())
                .param("department", changes.departmentId())
                .param("scopeKind", changes.scopeKind().name())
                .param("now", Timestamp.from(changes.at()))
                .param("id", id)
                .param("version", version)
                .params(inScope.params())
                .update();
        if (updated == 1) {
            replaceRoles(id, changes.roles());
        }
        return updated == 1;
    }

    /** Flips enabled, or clears a lock, or resets the password, within scope; false when out of scope. */
    boolean setEnabled(UUID id, boolean enabled, DataScope scope, Instant now) {
        return scopedUpdate(id, scope, "enabled = :enabled", Map.of("enabled", enabled), now);
    }

    boolean unlock(UUID id, DataScope scope, Instant now) {
        return scopedUpdate(id, scope, "failed_attempts = 0, locked_until = NULL", Map.of(), now);
    }

    boolean resetPassword(UUID id, String hash, DataScope scope, Instant now) {
        return scopedUpdate(id, scope,
                "password_hash = :hash, must_change_password = TRUE, password_changed_at = :now, "
                        + "failed_attempts = 0, locked_until = NULL",
                Map.of("hash", hash), now);
    }

    private boolean scopedUpdate(UUID id, DataScope scope, String set, Map<String, Object> values, Instant now) {
        DataScope.SqlPredicate inScope = inScope(scope);
        return jdbc.sql("UPDATE user_account u SET " + set + ", updated_at = :now, version = version + 1"
                        + " WHERE u.id = :id AND " + inScope.sql())
                .params(values)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .params(inScope.params())
                .update() == 1;
    }

    /** The user's own password change. */
    void changePassword(UUID id, String hash, Instant now) {
        jdbc.sql("""
                        UPDATE user_account SET password_hash = :hash, must_change_password = FALSE,
                            password_changed_at = :now, updated_at = :now WHERE id = :id""")
                .param("hash", hash).param("now", Timestamp.from(now)).param("id", id)
                .update();
    }

    /** A stronger hash of the same password, when the encoder's default has moved on. */
    void upgradeHash(UUID id, String hash) {
        jdbc.sql("UPDATE user_account SET password_hash = :hash WHERE id = :id")
                .param("hash", hash).param("id", id).update();
    }

    /**
     * Counts a failed attempt in one statement, so two nodes failing at once both count. A lock that
     * has run out starts the count afresh.
     *
     * @return the lock end when this failure locked the account (or it was locked already)
     */
    Optional<Instant> countFailure(UUID id, Instant now, int maxFailures, Instant lockUntil) {
        return jdbc.sql("""
                        UPDATE user_account SET
                          failed_attempts = CASE WHEN locked_until <= :now THEN 1 ELSE failed_attempts + 1 END,
                          locked_until = CASE
                            WHEN (CASE WHEN locked_until <= :now THEN 1 ELSE failed_attempts + 1 END) >= :max
                              THEN COALESCE(CASE WHEN locked_until > :now THEN locked_until END, :until)
                            WHEN locked_until <= :now THEN NULL
                            ELSE locked_until END
                        WHERE id = :id
                        RETURNING locked_until""")
                .param("now", Timestamp.from(now))
                .param("max", maxFailures)
                .param("until", Timestamp.from(lockUntil))
                .param("id", id)
                .query((rs, n) -> Optional.ofNullable(instant(rs, "locked_until")))
                .single()
                .filter(until -> until.isAfter(now));
    }

    void clearFailures(UUID id) {
        jdbc.sql("UPDATE user_account SET failed_attempts = 0, locked_until = NULL WHERE id = :id"
                        + " AND (failed_attempts <> 0 OR locked_until IS NOT NULL)")
                .param("id", id).update();
    }

    void enableTotp(UUID id, String secret, long acceptedStep, Instant now) {
        jdbc.sql("""
                        UPDATE user_account SET totp_secret = :secret, totp_enabled = TRUE, totp_last_step = :step,
                            updated_at = :now WHERE id = :id""")
                .param("secret", secret).param("step", acceptedStep).param("now", Timestamp.from(now))
                .param("id", id).update();
    }

    void disableTotp(UUID id, Instant now) {
        jdbc.sql("""
                        UPDATE user_account SET totp_secret = NULL, totp_enabled = FALSE, totp_last_step = NULL,
                            updated_at = :now WHERE id = :id""")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    /**
     * Marks a time step as used, atomically, so the same code cannot be replayed on another node.
     *
     * @return false when this or a later step was already used
     */
    boolean useTotpStep(UUID id, long step) {
        return jdbc.sql("""
                        UPDATE user_account SET totp_last_step = :step
                        WHERE id = :id AND totp_enabled AND (totp_last_step IS NULL OR totp_last_step < :step)""")
                .param("step", step).param("id", id).update() == 1;
    }

    private void replaceRoles(UUID id, Set<String> roles) {
        jdbc.sql("DELETE FROM user_role WHERE user_id = :id").param("id", id).update();
        for (String role : roles) {
            jdbc.sql("INSERT INTO user_role (user_id, role_code) VALUES (:id, :role)")
                    .param("id", id).param("role", role).update();
        }
    }

    private static DataScope.SqlPredicate inScope(DataScope scope) {
        return scope.predicate("u.region_code", "u.id", "u.department_id");
    }

    private Account withRoles(Account a) {
        Set<String> roles = new LinkedHashSet<>(jdbc.sql(
                        "SELECT ur.role_code FROM user_role ur JOIN role r ON r.code = ur.role_code"
                                + " WHERE ur.user_id = :id ORDER BY r.sort_order")
                .param("id", a.id()).query(String.class).list());
        return new Account(a.id(), a.username(), a.displayName(), a.passwordHash(), a.mustChangePassword(),
                a.passwordChangedAt(), a.enabled(), a.regionCode(), a.departmentId(), a.scopeKind(),
                a.failedAttempts(), a.lockedUntil(), a.totpSecret(), a.totpEnabled(), a.totpLastStep(),
                a.version(), Set.copyOf(roles));
    }

    private Account withoutRoles(ResultSet rs, int row) throws SQLException {
        Long lastStep = rs.getObject("totp_last_step") == null ? null : rs.getLong("totp_last_step");
        return new Account((UUID) rs.getObject("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getBoolean("must_change_password"),
                instant(rs, "password_changed_at"), rs.getBoolean("enabled"), rs.getString("region_code"),
                (UUID) rs.getObject("department_id"), DataScope.Kind.valueOf(rs.getString("scope_kind")),
                rs.getInt("failed_attempts"), instant(rs, "locked_until"), rs.getString("totp_secret"),
                rs.getBoolean("totp_enabled"), lastStep, rs.getInt("version"), Set.of());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /** What an administrator changes on an existing account. */
    record AccountChanges(String displayName, String regionCode, UUID departmentId, DataScope.Kind scopeKind,
                          Set<String> roles, Instant at) {
    }

    /** One line of the users list. */
    record UserRow(UUID id, String username, String displayName, String regionCode, String departmentName,
                   String departmentNameEn, List<String> roles, boolean enabled, Instant lockedUntil,
                   boolean totpEnabled) {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /** The users-list search form. */
    record UserFilter(String text, String regionCode, UUID departmentId, Status status) {

        enum Status { ENABLED, DISABLED, LOCKED }

        boolean hasText() {
            return text != null && !text.isBlank();
        }
    }
}

package org.linyunzhi.points.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only points ledger. Only {@link TaskPointsListener} writes it; a database trigger
 * refuses updates and deletes, so a correction can only ever be a new entry.
 */
@Repository
class Ledger {

    private static final String COLUMNS = """
            e.seq, e.holder, e.staff_id, e.user_id, e.region_code, e.points, e.rule_code, e.reason,
            e.source_event, e.source_id, e.source_number, e.earned_at""";

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the award unless an entry for the same source and rule exists: the outbox delivers an
     * event at least once, and the unique key makes the second delivery (or a concurrent one on
     * another node) a no-op.
     *
     * @return whether the entry was new
     */
    boolean append(Award a) {
        return jdbc.sql("""
                        INSERT INTO points_entry (id, staff_id, user_id, region_code, points, rule_code, reason,
                                                  source_event, source_id, source_number, source_occurrence, earned_at)
                        VALUES (:id, :staff, :user, :region, :points, :rule, :reason,
                                :event, :source, :number, :occurrence, :at)
                        ON CONFLICT ON CONSTRAINT points_entry_once DO NOTHING""")
                .param("id", UUID.randomUUID()).param("staff", a.staffId()).param("user", a.userId())
                .param("region", a.regionCode()).param("points", a.points()).param("rule", a.ruleCode())
                .param("reason", a.reason()).param("event", a.sourceEvent()).param("source", a.sourceId())
                .param("number", a.sourceNumber()).param("occurrence", a.occurrence())
                .param("at", java.sql.Timestamp.from(a.earnedAt()))
                .update() == 1;
    }

    long balanceOfStaff(UUID staffId) {
        return jdbc.sql("SELECT COALESCE(SUM(points), 0) FROM points_entry WHERE staff_id = :id")
                .param("id", staffId).query(Long.class).single();
    }

    long balanceOfUser(UUID userId) {
        return jdbc.sql("SELECT COALESCE(SUM(points), 0) FROM points_entry WHERE user_id = :id")
                .param("id", userId).query(Long.class).single();
    }

    /** A holder's balance counting only entries earned inside the scope. */
    long balance(UUID holder, DataScope scope) {
        DataScope.SqlPredicate in = scope.predicate("e.region_code");
        return jdbc.sql("SELECT COALESCE(SUM(e.points), 0) FROM points_entry e WHERE e.holder = :holder AND " + in.sql())
                .params(in.params()).param("holder", holder).query(Long.class).single();
    }

    /** A holder's entries inside the scope, newest first, older than {@code beforeSeq} when given. */
    List<LedgerEntry> history(UUID holder, DataScope scope, Long beforeSeq, int limit) {
        DataScope.SqlPredicate in = scope.predicate("e.region_code");
        return jdbc.sql("SELECT " + COLUMNS + " FROM points_entry e WHERE e.holder = :holder AND " + in.sql()
                        + " AND (CAST(:before AS BIGINT) IS NULL OR e.seq < :before) ORDER BY e.seq DESC LIMIT :limit")
                .params(in.params()).param("holder", holder).param("before", beforeSeq).param("limit", limit)
                .query(Ledger::entry).list();
    }

    /** The entries credited to a login account, newest first: "my points". */
    List<LedgerEntry> historyOfUser(UUID userId, Long beforeSeq, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM points_entry e WHERE e.user_id = :user"
                        + " AND (CAST(:before AS BIGINT) IS NULL OR e.seq < :before) ORDER BY e.seq DESC LIMIT :limit")
                .param("user", userId).param("before", beforeSeq).param("limit", limit)
                .query(Ledger::entry).list();
    }

    /** Entries written for one source record, e.g. everything a task earned and cost. */
    List<LedgerEntry> ofSource(UUID sourceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM points_entry e WHERE e.source_id = :id ORDER BY e.seq")
                .param("id", sourceId).query(Ledger::entry).list();
    }

    private static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(rs.getLong("seq"), rs.getObject("holder", UUID.class),
                rs.getObject("staff_id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("region_code"), rs.getInt("points"), rs.getString("rule_code"), rs.getString("reason"),
                rs.getString("source_event"), rs.getObject("source_id", UUID.class), rs.getString("source_number"),
                rs.getTimestamp("earned_at").toInstant());
    }
}

package org.linyunzhi.points.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rankings over the ledger: the people who earned most inside an area, and the totals of the area's
 * child areas (the villages of a town, the grids of a village). An area is a region code and
 * "inside" is its prefix, so one index on the region code serves every level. The viewer's data
 * scope is ANDed in: a village cadre's board never counts another village's entries.
 */
@Repository
class Leaderboards {

    private final JdbcClient jdbc;

    Leaderboards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person's place: equal totals share a rank. */
    record Standing(int rank, UUID holder, long points, int entries) {
    }

    record AreaTotal(String code, long points, int people) {
    }

    List<Standing> people(String area, DataScope scope, Instant from, int limit) {
        DataScope.SqlPredicate in = scope.predicate("e.region_code");
        return jdbc.sql("""
                        SELECT rank() OVER (ORDER BY SUM(e.points) DESC) AS place, e.holder, SUM(e.points) AS total,
                               COUNT(*) AS entries
                          FROM points_entry e
                         WHERE e.region_code LIKE :area AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR e.earned_at >= :from)
                           AND %s
                         GROUP BY e.holder
                         ORDER BY total DESC, e.holder
                         LIMIT :limit""".formatted(in.sql()))
                .params(in.params()).param("area", area + "%").param("from", timestamp(from)).param("limit", limit)
                .query((rs, i) -> new Standing(rs.getInt(1), rs.getObject(2, UUID.class), rs.getLong(3), rs.getInt(4)))
                .list();
    }

    /**
     * Totals per child area, highest first. Entries filed on the area itself (a village-level task)
     * count for the area but for none of its children.
     *
     * @param childLength the code length of the child level (12 villages, 15 grids, 19 micro-grids)
     */
    List<AreaTotal> children(String area, int childLength, DataScope scope, Instant from) {
        DataScope.SqlPredicate in = scope.predicate("e.region_code");
        return jdbc.sql("""
                        SELECT LEFT(e.region_code, :len) AS child, SUM(e.points) AS total, COUNT(DISTINCT e.holder)
                          FROM points_entry e
                         WHERE e.region_code LIKE :area AND LENGTH(e.region_code) >= :len
                           AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR e.earned_at >= :from)
                           AND %s
                         GROUP BY child
                         ORDER BY total DESC, child""".formatted(in.sql()))
                .params(in.params()).param("area", area + "%").param("len", childLength).param("from", timestamp(from))
                .query((rs, i) -> new AreaTotal(rs.getString(1), rs.getLong(2), rs.getInt(3)))
                .list();
    }

    /** The area's own total inside the scope. */
    long total(String area, DataScope scope, Instant from) {
        DataScope.SqlPredicate in = scope.predicate("e.region_code");
        return jdbc.sql("SELECT COALESCE(SUM(e.points), 0) FROM points_entry e WHERE e.region_code LIKE :area"
                        + " AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR e.earned_at >= :from) AND " + in.sql())
                .params(in.params()).param("area", area + "%").param("from", timestamp(from))
                .query(Long.class).single();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}

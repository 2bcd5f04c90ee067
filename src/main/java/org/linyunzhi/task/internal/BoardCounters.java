package org.linyunzhi.task.internal;

import java.sql.Date;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision board's figures read from the counters the database keeps beside the tasks
 * (migration V30, docs/decisions/task-board-counters.md) instead of counting the tasks: per child
 * node, the sums of its subtree's day and month counters, and "open overdue" made exact for the
 * moment of reading with the few open tasks whose overdue mark and deadline disagree.
 * <p>
 * The counters carry the node and the issuing department, so region and department scopes are
 * answered from them; a personal scope (SELF) is not, and {@link SupervisionBoard} counts its tasks.
 */
@Repository
class BoardCounters {

    private final JdbcClient jdbc;

    BoardCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One child node's figures; total is open plus closed (drafts and cancelled tasks count nowhere). */
    record Figures(String code, long open, long openOverdue, long closed, long closedOnTime) {
    }

    /**
     * Figures per code prefix of {@code length} under {@code prefix}, for a reader with {@code scope}
     * (not SELF), tasks created within {@code period}, in code order.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    List<Figures> figures(String prefix, int length, DataScope scope, BoardPeriod period, Instant now) {
        // the two queries below read one snapshot; and the correction finds a handful of rows, where
        // starting parallel workers (which the planner picks from the deadline column's statistics)
        // took 20 ms of a loaded machine's time
        jdbc.sql("SET LOCAL max_parallel_workers_per_gather = 0").update();
        Map<String, Long> corrections = overdueCorrections(prefix, length, scope, period, now);
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                SELECT left(c.region_code, :length) AS code, sum(c.open) AS open, sum(c.open_overdue) AS open_overdue,
                       sum(c.closed) AS closed, sum(c.closed_on_time) AS on_time
                  FROM (""");
        if (period.months() != null) {
            sql.append("""
                    SELECT region_code, department_id, open, open_overdue, closed, closed_on_time
                      FROM task_board_month WHERE region_code LIKE :prefix""");
            if (period.months().start() != null) {
                sql.append(" AND month >= :monthStart");
                params.put("monthStart", Date.valueOf(period.months().start()));
            }
            if (period.months().end() != null) {
                sql.append(" AND month < :monthEnd");
                params.put("monthEnd", Date.valueOf(period.months().end()));
            }
        }
        for (int i = 0; i < period.days().size(); i++) {
            if (i > 0 || period.months() != null) {
                sql.append(" UNION ALL ");
            }
            sql.append("""
                    SELECT region_code, department_id, open, open_overdue, closed, closed_on_time
                      FROM task_board_day WHERE region_code LIKE :prefix AND day >= :dayStart%1$d AND day < :dayEnd%1$d"""
                    .formatted(i));
            params.put("dayStart" + i, Date.valueOf(period.days().get(i).start()));
            params.put("dayEnd" + i, Date.valueOf(period.days().get(i).end()));
        }
        if (period.months() == null && period.days().isEmpty()) {
            return List.of();
        }
        DataScope.SqlPredicate in = scope.predicate("c.region_code", null, "c.department_id");
        sql.append(") c WHERE ").append(in.sql()).append(" GROUP BY 1 HAVING sum(c.open) + sum(c.closed) > 0 ORDER BY 1");
        params.putAll(in.params());
        params.put("length", length);
        params.put("prefix", prefix);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> {
                    String code = rs.getString("code");
                    return new Figures(code, rs.getLong("open"),
                            rs.getLong("open_overdue") + corrections.getOrDefault(code, 0L),
                            rs.getLong("closed"), rs.getLong("on_time"));
                })
                .list();
    }

    /**
     * Per child node, what to add to the counted "open and marked overdue" to get "open and past the
     * deadline now": +1 for an open task past its deadline the timer has not marked yet, -1 for a
     * marked one whose deadline is not past (a deadline moved, a clock set back). Both are rare, and
     * two partial indexes (task_open_unmarked_idx, task_open_marked_idx) find them without reading
     * the other open tasks.
     */
    private Map<String, Long> overdueCorrections(String prefix, int length, DataScope scope, BoardPeriod period,
                                                 Instant now) {
        DataScope.SqlPredicate in = Tasks.inScope(scope);
        StringBuilder filter = new StringBuilder(" AND t.region_code LIKE :prefix AND ").append(in.sql());
        Map<String, Object> params = new HashMap<>(in.params());
        createdWithin(period, filter, params);
        // two arms, each matching one partial index exactly, so neither reads the other open tasks
        String sql = """
                SELECT left(c.region_code, :length) AS code, sum(c.correction) AS correction
                  FROM (SELECT t.region_code, 1 AS correction FROM task t
                         WHERE t.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED')
                           AND NOT t.overdue AND t.deadline < :now %1$s
                        UNION ALL
                        SELECT t.region_code, -1 FROM task t
                         WHERE t.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED')
                           AND t.overdue AND (t.deadline >= :now OR t.deadline IS NULL) %1$s) c
                 GROUP BY 1""".formatted(filter);
        params.put("length", length);
        params.put("prefix", prefix);
        params.put("now", Tasks.timestamp(now));
        Map<String, Long> corrections = new LinkedHashMap<>();
        jdbc.sql(sql).params(params)
                .query((rs, n) -> corrections.put(rs.getString("code"), rs.getLong("correction"))).list();
        return corrections;
    }

    /** The period as a condition on the tasks' creation time, by the town's calendar days. */
    private static void createdWithin(BoardPeriod period, StringBuilder sql, Map<String, Object> params) {
        if (period.from() != null) {
            sql.append(" AND t.created_at >= :from");
            params.put("from", startOf(period.from()));
        }
        if (period.end() != null) {
            sql.append(" AND t.created_at < :end");
            params.put("end", startOf(period.end()));
        }
    }

    static java.sql.Timestamp startOf(java.time.LocalDate day) {
        return java.sql.Timestamp.from(day.atStartOfDay(TaskNumbers.TOWN_ZONE).toInstant());
    }
}

package org.linyunzhi.task.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The supervision board (督办看板): per child node of the chosen node (villages of the town, grids of a
 * village, micro-grids of a grid), how many tasks are open, overdue and closed on time.
 * <p>
 * On-time rate = closed on time / (closed + open overdue). Open tasks past their deadline count in
 * the denominator, or a node that never closes its late tasks would look punctual (DOMAIN.md). A
 * task is closed when approved; on time when approved by its deadline (or it had none). Cancelled
 * tasks count nowhere.
 * <p>
 * The figures come from the counters kept beside the tasks ({@link BoardCounters}), so a town board
 * reads a few thousand counter rows, not every task of the town.
 */
@Service
class SupervisionBoard {

    private final BoardCounters counters;
    private final JdbcClient jdbc;
    private final GridApi grid;

    SupervisionBoard(BoardCounters counters, JdbcClient jdbc, GridApi grid) {
        this.counters = counters;
        this.jdbc = jdbc;
        this.grid = grid;
    }

    record Rates(String code, String name, long total, long open, long openOverdue, long closed, long closedOnTime) {

        /** Null when nothing is due yet: no rate is better than a made-up 100 %. */
        @JsonProperty
        public Double onTimeRate() {
            long due = closed + openOverdue;
            return due == 0 ? null : (double) closedOnTime / due;
        }

        /** Share of open tasks that are past their deadline. */
        @JsonProperty
        public Double overdueRate() {
            return open == 0 ? null : (double) openOverdue / open;
        }

        public String onTimePercent() {
            return percent(onTimeRate());
        }

        public String overduePercent() {
            return percent(overdueRate());
        }

        private static String percent(Double rate) {
            return rate == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100);
        }
    }

    /**
     * @param node      the node whose children are rows
     * @param childLevel what the rows are (VILLAGE, GRID or MICRO_GRID); null when the node has no children
     */
    record Board(RegionNode node, RegionLevel childLevel, Rates total, List<Rates> rows) {
    }

    Board of(RegionNode node, DataScope scope, LocalDate from, LocalDate to, Instant now) {
        RegionLevel childLevel = switch (node.level()) {
            case TOWN -> RegionLevel.VILLAGE;
            case VILLAGE -> RegionLevel.GRID;
            case GRID -> RegionLevel.MICRO_GRID;
            case MICRO_GRID, DEDICATED_MICRO_GRID -> null;
        };
        int length = childLevel == null ? node.code().length() : childLevel.codeLength();
        String prefix = TaskSearch.like(node.code()) + "%";
        List<BoardCounters.Figures> figures = scope.kind() == DataScope.Kind.SELF
                ? counted(prefix, length, scope, from, to, now)
                : counters.figures(prefix, length, scope, BoardPeriod.of(from, to), now);
        Map<String, String> names = new HashMap<>();
        names.put(node.code(), node.name());
        if (childLevel != null) {
            grid.children(node.code()).forEach(c -> names.put(c.code(), c.name()));
        }
        List<Rates> rows = figures.stream().map(f -> new Rates(f.code(), names.getOrDefault(f.code(), f.code()),
                f.open() + f.closed(), f.open(), f.openOverdue(), f.closed(), f.closedOnTime())).toList();
        Rates total = new Rates(node.code(), node.name(), rows.stream().mapToLong(Rates::total).sum(),
                rows.stream().mapToLong(Rates::open).sum(), rows.stream().mapToLong(Rates::openOverdue).sum(),
                rows.stream().mapToLong(Rates::closed).sum(), rows.stream().mapToLong(Rates::closedOnTime).sum());
        return new Board(node, childLevel, total, rows);
    }

    /**
     * The figures counted over the tasks themselves: for a personal scope (the tasks a user issued),
     * which the counters do not carry. Such a reader's tasks are few.
     */
    private List<BoardCounters.Figures> counted(String prefix, int length, DataScope scope, LocalDate from, LocalDate to,
                                                Instant now) {
        DataScope.SqlPredicate in = Tasks.inScope(scope);
        StringBuilder sql = new StringBuilder("""
                SELECT left(t.region_code, :length) AS code,
                       count(*) FILTER (WHERE t.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED')) AS open,
                       count(*) FILTER (WHERE t.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED')
                                          AND t.deadline < :now) AS open_overdue,
                       count(*) FILTER (WHERE t.state = 'APPROVED') AS closed,
                       count(*) FILTER (WHERE t.state = 'APPROVED' AND (t.deadline IS NULL OR t.closed_at <= t.deadline)) AS on_time
                  FROM task t
                 WHERE t.state NOT IN ('DRAFT', 'CANCELLED') AND t.region_code LIKE :prefix AND """).append(' ').append(in.sql());
        Map<String, Object> params = new HashMap<>(in.params());
        params.put("length", length);
        params.put("now", Tasks.timestamp(now));
        params.put("prefix", prefix);
        if (from != null) {
            sql.append(" AND t.created_at >= :from");
            params.put("from", BoardCounters.startOf(from));
        }
        if (to != null) {
            sql.append(" AND t.created_at < :to");
            params.put("to", BoardCounters.startOf(to.plusDays(1)));
        }
        sql.append(" GROUP BY 1 ORDER BY 1");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new BoardCounters.Figures(rs.getString("code"), rs.getLong("open"),
                        rs.getLong("open_overdue"), rs.getLong("closed"), rs.getLong("on_time")))
                .list();
    }
}

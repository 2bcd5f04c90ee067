package org.linyunzhi.points.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The stored rules (the approval table and the policy row) and the dispatch clock of each task. */
@Repository
class PointsRules {

    private final JdbcClient jdbc;

    PointsRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who last changed the rules and when; null before the first edit. */
    record Changed(Instant at, String by) {

        public java.time.ZonedDateTime townTime() {
            return at == null ? null : at.atZone(Period.TOWN_TIME);
        }
    }

    RuleBook current() {
        Map<TaskType, Map<TaskPriority, Integer>> approval = new EnumMap<>(TaskType.class);
        jdbc.sql("SELECT task_type, priority, points FROM points_approval_rule").query(rs -> {
            // a row for a type the code no longer knows is kept but ignored
            var type = parse(TaskType.class, rs.getString(1));
            var priority = parse(TaskPriority.class, rs.getString(2));
            if (type.isPresent() && priority.isPresent()) {
                approval.computeIfAbsent(type.get(), t -> new EnumMap<>(TaskPriority.class)).put(priority.get(), rs.getInt(3));
            }
        });
        return jdbc.sql("""
                        SELECT early_bonus_points, early_min_hours, early_min_percent, overdue_deduction, version
                          FROM points_policy WHERE id = 1""")
                .query((rs, i) -> new RuleBook(approval,
                        new RuleBook.EarlyBonus(rs.getInt(1), rs.getObject(2, Integer.class), rs.getObject(3, Integer.class)),
                        rs.getInt(4), rs.getInt(5)))
                .single();
    }

    Changed lastChange() {
        return jdbc.sql("SELECT updated_at, updated_by FROM points_policy WHERE id = 1")
                .query((rs, i) -> new Changed(rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(),
                        rs.getString(2)))
                .single();
    }

    /**
     * Replaces the rules in one transaction, if nobody changed them since {@code expectedVersion}.
     *
     * @return false when the version no longer matches (nothing was written)
     */
    @Transactional
    boolean replace(RuleBook rules, int expectedVersion, String by, Instant at) {
        int updated = jdbc.sql("""
                        UPDATE points_policy
                           SET early_bonus_points = :bonus, early_min_hours = :hours, early_min_percent = :percent,
                               overdue_deduction = :overdue, version = version + 1, updated_at = :at, updated_by = :by
                         WHERE id = 1 AND version = :version""")
                .param("bonus", rules.early().points()).param("hours", rules.early().minHours())
                .param("percent", rules.early().minPercent()).param("overdue", rules.overdueDeduction())
                .param("at", java.sql.Timestamp.from(at)).param("by", by).param("version", expectedVersion)
                .update();
        if (updated == 0) {
            return false;
        }
        rules.approval().forEach((type, row) -> row.forEach((priority, points) -> jdbc.sql("""
                        INSERT INTO points_approval_rule (task_type, priority, points) VALUES (:type, :priority, :points)
                        ON CONFLICT (task_type, priority) DO UPDATE SET points = EXCLUDED.points""")
                .param("type", type.name()).param("priority", priority.name()).param("points", points)
                .update()));
        return true;
    }

    /** Keeps the first dispatch of a task: forwarding down the tree does not restart its clock. */
    void recordDispatch(UUID taskId, Instant at) {
        jdbc.sql("INSERT INTO points_task_clock (task_id, dispatched_at) VALUES (:id, :at) ON CONFLICT DO NOTHING")
                .param("id", taskId).param("at", java.sql.Timestamp.from(at)).update();
    }

    Optional<Instant> dispatchedAt(UUID taskId) {
        return jdbc.sql("SELECT dispatched_at FROM points_task_clock WHERE task_id = :id").param("id", taskId)
                .query((rs, i) -> rs.getTimestamp(1).toInstant()).optional();
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        try {
            return Optional.of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}

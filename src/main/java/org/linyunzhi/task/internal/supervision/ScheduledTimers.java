package org.linyunzhi.task.internal.supervision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.linyunzhi.task.internal.supervision.SupervisionPolicy.Timer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * A task's pending timers as rows of db-scheduler's table {@code scheduled_tasks}. Setting and
 * removing them is plain SQL in the caller's transaction, so a timer exists exactly when the change
 * that set it committed; db-scheduler only polls, locks and fires them. A row being fired
 * ({@code picked}) is never touched: it finishes on its own, and its listener judges whether the
 * task still needs it.
 */
class ScheduledTimers {

    private static final List<String> TASK_NAMES = Arrays.stream(DeadlineKind.values()).map(DeadlineKind::taskName).toList();

    private final JdbcClient jdbc;

    ScheduledTimers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces every waiting timer of the task with these, for this deadline. */
    void replace(UUID taskId, Instant deadline, List<Timer> timers) {
        cancel(taskId);
        String instance = new TimerInstance(taskId, deadline).id();
        StringBuilder sql = new StringBuilder(
                "INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version) VALUES ");
        for (int i = 0; i < timers.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:name").append(i).append(", :instance, :due").append(i).append(", FALSE, 1)");
        }
        // a timer of the same deadline that is being fired right now keeps its row: it is that very timer
        sql.append(" ON CONFLICT (task_name, task_instance) DO NOTHING");
        JdbcClient.StatementSpec insert = jdbc.sql(sql.toString()).param("instance", instance);
        for (int i = 0; i < timers.size(); i++) {
            insert = insert.param("name" + i, timers.get(i).kind().taskName())
                    .param("due" + i, OffsetDateTime.ofInstant(timers.get(i).dueAt(), ZoneOffset.UTC));
        }
        insert.update();
    }

    /** A timer to set for a task's deadline. */
    record Planned(TimerInstance instance, Timer timer) {
    }

    /**
     * Inserts the timers of tasks that have none yet (just created) with one statement, whatever
     * their number: a campaign's timers cost one round trip, not two per task.
     */
    void insertNew(List<Planned> planned) {
        if (planned.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                        SELECT name, instance, due, FALSE, 1
                          FROM unnest(CAST(:names AS text[]), CAST(:instances AS text[]), CAST(:dues AS timestamptz[]))
                               AS p (name, instance, due)
                        ON CONFLICT (task_name, task_instance) DO NOTHING""")
                .param("names", texts(planned.stream().map(p -> p.timer().kind().taskName())))
                .param("instances", texts(planned.stream().map(p -> p.instance().id())))
                .param("dues", texts(planned.stream().map(p -> p.timer().dueAt().toString())))
                .update();
    }

    /** Binds as one SQL array (a plain Java array would be expanded into a list of parameters). */
    private static SqlArrayValue texts(java.util.stream.Stream<String> values) {
        return new SqlArrayValue("text", values.toArray(Object[]::new));
    }

    /** Removes the task's waiting timers; returns how many. */
    int cancel(UUID taskId) {
        return jdbc.sql("""
                        DELETE FROM scheduled_tasks
                        WHERE task_name IN (:names) AND task_instance LIKE :prefix AND NOT picked""")
                .param("names", TASK_NAMES)
                .param("prefix", TimerInstance.prefixPattern(taskId))
                .update();
    }

    /** A timer as stored, for the supervision tools and tests. */
    record Pending(DeadlineKind kind, Instant deadline, Instant dueAt, boolean picked) {
    }

    List<Pending> of(UUID taskId) {
        return jdbc.sql("""
                        SELECT task_name, task_instance, execution_time, picked FROM scheduled_tasks
                        WHERE task_name IN (:names) AND task_instance LIKE :prefix ORDER BY execution_time""")
                .param("names", TASK_NAMES)
                .param("prefix", TimerInstance.prefixPattern(taskId))
                .query((rs, n) -> new Pending(kindOf(rs.getString("task_name")),
                        TimerInstance.parse(rs.getString("task_instance")).deadline(),
                        rs.getTimestamp("execution_time").toInstant(), rs.getBoolean("picked")))
                .list();
    }

    private static DeadlineKind kindOf(String taskName) {
        for (DeadlineKind kind : DeadlineKind.values()) {
            if (kind.taskName().equals(taskName)) {
                return kind;
            }
        }
        throw new IllegalStateException("not a deadline timer: " + taskName);
    }
}

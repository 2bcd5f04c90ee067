package org.linyunzhi.task.internal.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The timers on a real PostgreSQL with real app nodes (Spring contexts with the timers, the
 * calendar and a recording listener; see {@link TimerNode}): they survive a restart, fire once
 * across two nodes, are replaced by a new deadline and removed by a cancel, and a failed firing
 * is rolled back and tried again. Deadlines lie a few seconds ahead; polling is every second.
 */
class DeadlineTimersClusterTest {

    private static EmbeddedPostgres pg;
    private static JdbcClient db;

    @BeforeAll
    static void database() {
        pg = TimerNode.startDatabase();
        db = JdbcClient.create(pg.getPostgresDatabase());
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        pg.close();
    }

    @Test
    void anOverdueTimerSetBeforeARestartFiresOnceAfterIt() {
        UUID task = UUID.randomUUID();
        Instant deadline;
        try (ConfigurableApplicationContext first = TimerNode.start(pg, "before-restart", Map.of())) {
            // taken once the node is up: a deadline already past when set gets no reminder
            deadline = now().plusSeconds(4);
            first.getBean(DeadlineTimers.class).schedule(task, deadline);
        }
        assertThat(firings(task, DeadlineKind.PASSED)).as("closed before the deadline").isEmpty();

        try (ConfigurableApplicationContext second = TimerNode.start(pg, "after-restart", Map.of())) {
            await().atMost(Duration.ofSeconds(15)).until(() -> !firings(task, DeadlineKind.PASSED).isEmpty());
            sleep(Duration.ofSeconds(2));
            List<Firing> passed = firings(task, DeadlineKind.PASSED);
            assertThat(passed).hasSize(1);
            assertThat(passed.get(0).node()).isEqualTo("after-restart");
            assertThat(passed.get(0).deadline()).isEqualTo(deadline);
            assertThat(passed.get(0).firedAt()).isAfterOrEqualTo(deadline).isBefore(deadline.plusSeconds(10));
            // the reminder (due at once: its time lies before now) fired once on whichever node came first
            assertThat(firings(task, DeadlineKind.NEAR)).hasSize(1);
            // the escalation waits one working day after the deadline
            assertThat(firings(task, DeadlineKind.ESCALATION)).isEmpty();
            assertThat(second.getBean(ScheduledTimers.class).of(task))
                    .extracting(ScheduledTimers.Pending::kind).containsExactly(DeadlineKind.ESCALATION);
        }
    }

    @Test
    void twoNodesOnOneDatabaseFireEachTimerOnce() {
        int tasks = 300;
        List<UUID> ids = new ArrayList<>();
        try (ConfigurableApplicationContext a = TimerNode.start(pg, "node-a", Map.of());
             ConfigurableApplicationContext b = TimerNode.start(pg, "node-b", Map.of())) {
            Instant start = now();
            for (int i = 0; i < tasks; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                // deadlines spread over two to four seconds from now; half scheduled through each node
                Instant deadline = start.plusMillis(2_000 + 2_000L * i / tasks);
                (i % 2 == 0 ? a : b).getBean(DeadlineTimers.class).schedule(id, deadline);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> count(ids, DeadlineKind.PASSED) >= tasks);
            sleep(Duration.ofSeconds(2));
        }
        Map<String, Object> totals = db.sql("""
                        SELECT count(*) AS firings, count(DISTINCT (kind, task_id)) AS timers,
                               count(DISTINCT node) AS nodes,
                               max(fired_at - deadline) FILTER (WHERE kind = 'PASSED') AS worst_lag,
                               min(fired_at - deadline) FILTER (WHERE kind = 'PASSED') AS earliest
                        FROM timer_test.firing WHERE task_id IN (:ids)""")
                .param("ids", ids).query().singleRow();
        // every task's reminder (due at once) and overdue mark, each exactly once
        assertThat(totals.get("firings")).isEqualTo((long) 2 * tasks);
        assertThat(totals.get("timers")).isEqualTo((long) 2 * tasks);
        assertThat(totals.get("nodes")).as("both nodes fired timers").isEqualTo(2L);
        assertThat(seconds(totals.get("earliest"))).as("never before the deadline").isGreaterThanOrEqualTo(0);
        assertThat(seconds(totals.get("worst_lag"))).as("worst lag in seconds").isLessThan(5);
    }

    @Test
    void schedulingAgainReplacesTheTimersAndCancelRemovesThem() {
        UUID moved = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID repeated = UUID.randomUUID();
        Instant second;
        try (ConfigurableApplicationContext node = TimerNode.start(pg, "single", Map.of())) {
            DeadlineTimers timers = node.getBean(DeadlineTimers.class);
            ScheduledTimers stored = node.getBean(ScheduledTimers.class);
            Instant now = now();
            Instant first = now.plusSeconds(2);
            second = now.plusSeconds(4);
            timers.schedule(moved, first);
            timers.schedule(moved, second);
            assertThat(stored.of(moved)).extracting(ScheduledTimers.Pending::deadline).containsOnly(second);

            timers.schedule(cancelled, first);
            timers.cancel(cancelled);
            assertThat(stored.of(cancelled)).isEmpty();

            Instant soon = now.plusSeconds(1);
            timers.schedule(repeated, soon);
            await().atMost(Duration.ofSeconds(10)).until(() -> !firings(repeated, DeadlineKind.PASSED).isEmpty());
            // the same deadline again (e.g. a returned task keeps its deadline): it fired already
            timers.schedule(repeated, soon);

            await().atMost(Duration.ofSeconds(10)).until(() -> !firings(moved, DeadlineKind.PASSED).isEmpty());
            sleep(Duration.ofSeconds(2));
        }
        assertThat(firings(moved, DeadlineKind.PASSED)).extracting(Firing::deadline).containsExactly(second);
        assertThat(firings(cancelled, DeadlineKind.PASSED)).isEmpty();
        assertThat(firings(cancelled, DeadlineKind.NEAR)).isEmpty();
        assertThat(firings(repeated, DeadlineKind.PASSED)).hasSize(1);
    }

    @Test
    void aFailedFiringLeavesNoTraceAndIsTriedAgain() {
        UUID task = UUID.randomUUID();
        TimerNode.FAIL_ONCE.add(task);
        try (ConfigurableApplicationContext node = TimerNode.start(pg, "flaky",
                Map.of("linyunzhi.task.supervision.reminder-before", "0s"))) {
            node.getBean(DeadlineTimers.class).schedule(task, now().plusSeconds(1));
            await().atMost(Duration.ofSeconds(15)).until(() -> !firings(task, DeadlineKind.PASSED).isEmpty());
            sleep(Duration.ofSeconds(1));
        }
        // the first call wrote its row and threw: the row went with the rollback; the retry a second later stayed
        assertThat(TimerNode.FAIL_ONCE).doesNotContain(task);
        assertThat(firings(task, DeadlineKind.PASSED)).hasSize(1);
        assertThat(firings(task, DeadlineKind.NEAR)).as("reminders turned off").isEmpty();
        assertThat(db.sql("SELECT count(*) FROM task_deadline_firing WHERE task_id = ?").param(task)
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aNodeStoppedAndStartedAgainFiresAgain() {
        UUID task = UUID.randomUUID();
        try (ConfigurableApplicationContext node = TimerNode.start(pg, "paused", Map.of())) {
            // the test framework pauses cached contexts like this; a db-scheduler cannot be restarted
            node.stop();
            node.start();
            node.getBean(DeadlineTimers.class).schedule(task, now().plusSeconds(1));
            await().atMost(Duration.ofSeconds(10)).until(() -> !firings(task, DeadlineKind.PASSED).isEmpty());
        }
        assertThat(firings(task, DeadlineKind.PASSED)).extracting(Firing::node).containsExactly("paused");
    }

    record Firing(String node, Instant deadline, Instant firedAt) {
    }

    private static List<Firing> firings(UUID task, DeadlineKind kind) {
        return db.sql("SELECT node, deadline, fired_at FROM timer_test.firing WHERE task_id = ? AND kind = ? ORDER BY fired_at")
                .params(task, kind.name())
                .query((rs, n) -> new Firing(rs.getString("node"), rs.getTimestamp("deadline").toInstant(),
                        rs.getTimestamp("fired_at").toInstant()))
                .list();
    }

    private static long count(List<UUID> tasks, DeadlineKind kind) {
        return db.sql("SELECT count(*) FROM timer_test.firing WHERE task_id IN (:ids) AND kind = :kind")
                .param("ids", tasks).param("kind", kind.name()).query(Long.class).single();
    }

    private static double seconds(Object interval) {
        org.postgresql.util.PGInterval i = (org.postgresql.util.PGInterval) interval;
        return i.getDays() * 86_400.0 + i.getHours() * 3_600.0 + i.getMinutes() * 60.0 + i.getSeconds();
    }

    /** Deadlines as the task table will hold them: timestamptz keeps microseconds, the clock gives more. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.linyunzhi.task.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The supervision board read from counters must say exactly what counting the tasks says. A mixed
 * history is stored (drafts, open, submitted, closed, in two months, with and without deadlines),
 * then every kind of transition is applied through the aggregate and the repository the lifecycle
 * uses, and the overdue mark through the timer's own path. Afterwards the counter tables must equal
 * a recount of all tasks, and the board must equal a direct count for several nodes, scopes and
 * periods. A write that bypasses the counters is shown to be caught.
 */
@IntegrationTest
class BoardCountersTest {

    @Autowired
    GridApi grid;

    @Autowired
    Tasks tasks;

    @Autowired
    TaskNumbers numbers;

    @Autowired
    TaskLifecycle lifecycle;

    @Autowired
    SupervisionBoard board;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    private final Instant now = Instant.now();
    private final UUID staff = UUID.randomUUID();
    private final Actor head = new Actor(UUID.randomUUID(), "head", Set.of("task:view", "task:create", "task:dispatch",
            "task:review", "task:urge"), DataScope.all(), Set.of());
    private final Actor worker = new Actor(UUID.randomUUID(), "worker", Set.of("task:view", "task:do"), DataScope.all(),
            Set.of(staff));

    @Test
    void theBoardFromCountersIsTheBoardFromTheTasksAfterEveryKindOfTransition() {
        RegionNode village = TaskFixtures.village(grid, 5);
        List<RegionNode> grids = grid.descendants(village.code(), RegionLevel.GRID);
        String g1 = grids.get(0).code();
        String g2 = grids.get(1).code();
        RegionNode micro = grid.descendants(g1, RegionLevel.MICRO_GRID).get(0);
        UUID department = UUID.randomUUID();
        Issuer issuer = new Issuer(head.userId(), "Counter test", department, "Test office");

        Task draft = issued(issuer, g1, 2, 5, false);
        Task dueLater = issued(issuer, g1, 1, 6, true);
        Task pastUnmarked = issued(issuer, g2, 12, 3, true);
        Task lateSubmitted = submitted(issued(issuer, g1, 9, 2, true));
        Task onTimeSubmitted = submitted(issued(issuer, g2, 3, 9, true));
        Task accepted = accepted(issued(issuer, g1, 4, 8, true));
        Task toForward = issued(issuer, g1, 2, 8, true);
        Task inProgressLate = inProgress(issued(issuer, g2, 15, 4, true));
        Task markedThenMoved = issued(issuer, g1, 20, 2, true);
        Task toReturn = submitted(issued(issuer, g2, 5, 7, true));
        Task lastMonth = issued(issuer, g1, 40, 10, true);
        lastMonth.accept(worker, null, at(39));
        lastMonth.checkIn(worker, checkIn(at(39)));
        lastMonth.submit(worker, "done", at(36));
        lastMonth.approve(head, at(35));
        Task noDeadline = submitted(issued(issuer, g2, 6, -1, true));
        Task markedEarly = issued(issuer, g2, 1, 3, true);
        tasks.insert(List.of(draft, dueLater, pastUnmarked, lateSubmitted, onTimeSubmitted, accepted, toForward,
                inProgressLate, markedThenMoved, toReturn, lastMonth, noDeadline, markedEarly));

        change(draft, t -> t.dispatch(head, now));
        change(dueLater, t -> t.accept(worker, null, now));
        change(dueLater, t -> t.checkIn(worker, checkIn(now)));
        change(dueLater, t -> t.urge(head, "hurry", now));
        change(dueLater, t -> t.submit(worker, "done", now));
        change(lateSubmitted, t -> t.approve(head, now));
        change(onTimeSubmitted, t -> t.approve(head, now));
        change(noDeadline, t -> t.approve(head, now));
        change(accepted, t -> t.reassign(head, g2, "g2", new Assignee(UUID.randomUUID(), "other", null), now));
        change(toForward, t -> t.forwardTo(head, micro.code(), micro.name(), null, now));
        lifecycle.markOverdue(inProgressLate.id(), TaskDeadlines.SYSTEM);
        change(inProgressLate, t -> t.cancel(head, "not needed", now));
        lifecycle.markOverdue(markedThenMoved.id(), TaskDeadlines.SYSTEM);
        change(markedThenMoved, t -> t.reassign(head, g2, "g2", new Assignee(staff, "worker", null), now));
        change(toReturn, t -> t.returnForRework(head, "photo unclear", now));
        // the timer marks a task whose deadline is still ahead (a clock set back): it must not count as overdue
        lifecycle.markOverdue(markedEarly.id(), TaskDeadlines.SYSTEM);

        assertThat(countersMinusRecount()).as("counter rows that differ from a recount of the tasks").isEmpty();

        DataScope[] scopes = {DataScope.all(), DataScope.department(department, TaskFixtures.TOWN),
                DataScope.region(village.code())};
        LocalDate today = LocalDate.now(TaskNumbers.TOWN_ZONE);
        LocalDate[][] periods = {{null, null}, {today.minusDays(45), today}, {today.minusDays(3), null},
                {null, today.minusDays(38)}, {today.minusDays(10), today.minusDays(2)},
                {today.withDayOfMonth(1).minusMonths(1), today.withDayOfMonth(1).minusDays(1)}};
        for (RegionNode node : List.of(grid.node(TaskFixtures.TOWN).orElseThrow(), village, grids.get(0))) {
            for (DataScope scope : scopes) {
                for (LocalDate[] period : periods) {
                    SupervisionBoard.Board fromCounters = board.of(node, scope, period[0], period[1], now);
                    assertThat(fromCounters.rows().stream().map(BoardCountersTest::figures).toList())
                            .as("%s, %s, %s..%s", node.code(), scope, period[0], period[1])
                            .isEqualTo(directCount(node.code(), childLength(node), scope, period[0], period[1]));
                }
            }
        }
        // the department's own figures, worked out by hand: the test's tasks are all it has
        SupervisionBoard.Board mine = board.of(village, DataScope.department(department, TaskFixtures.TOWN), null, null, now);
        assertThat(mine.total().open()).isEqualTo(8);
        assertThat(mine.total().openOverdue()).isEqualTo(2);
        assertThat(mine.total().closed()).isEqualTo(4);
        assertThat(mine.total().closedOnTime()).isEqualTo(3);
    }

    @Test
    void aWriteThatBypassesTheCountersIsNoticed() {
        Task task = issued(new Issuer(head.userId(), "Bypass test", UUID.randomUUID(), "Test office"),
                TaskFixtures.village(grid, 5).code(), 1, 5, true);
        tasks.insert(List.of(task));
        assertThat(countersMinusRecount()).isEmpty();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("ALTER TABLE task DISABLE TRIGGER task_board_on_update").update();
            change(task, t -> t.cancel(head, "bypassing the counters", now));
            assertThat(countersMinusRecount()).as("a cancel the counters did not follow").isNotEmpty();
            status.setRollbackOnly();
        });
        assertThat(countersMinusRecount()).isEmpty();
    }

    /** A task issued {@code daysAgo} (with the deadline that many days later, none when negative), dispatched or a draft. */
    private Task issued(Issuer issuer, String node, int daysAgo, int dueAfterDays, boolean dispatch) {
        Instant created = at(daysAgo);
        Instant deadline = dueAfterDays < 0 ? null : created.plus(Duration.ofDays(dueAfterDays));
        Task task = Task.issue(new Task.Details("Counters", null, TaskType.PATROL, TaskSource.DEPARTMENT, null, null,
                        TaskPriority.NORMAL, deadline, node, node, new Assignee(staff, "worker", null), null, null),
                issuer, numbers.next(LocalDate.now(TaskNumbers.TOWN_ZONE), 1).get(0), head, created);
        if (dispatch) {
            task.dispatch(head, created);
        }
        return task;
    }

    private Task accepted(Task task) {
        task.accept(worker, null, task.createdAt().plusSeconds(600));
        return task;
    }

    private Task inProgress(Task task) {
        accepted(task).checkIn(worker, checkIn(task.createdAt().plusSeconds(1200)));
        return task;
    }

    private Task submitted(Task task) {
        inProgress(task).submit(worker, "done", task.createdAt().plusSeconds(3600));
        return task;
    }

    private static Task.CheckIn checkIn(Instant at) {
        return new Task.CheckIn(at, null, null, null, true);
    }

    private Instant at(int daysAgo) {
        return now.minus(Duration.ofDays(daysAgo));
    }

    /** Loads the task as stored, applies the move and saves it, as the lifecycle does. */
    private void change(Task task, Consumer<Task> move) {
        Task stored = tasks.find(task.id(), DataScope.all()).orElseThrow();
        move.accept(stored);
        assertThat(tasks.update(stored)).isTrue();
    }

    /**
     * Day and month counter rows that disagree with a recount of every stored task (the whole
     * database, other tests' tasks and the demo history included), read in one snapshot.
     */
    private List<Map<String, Object>> countersMinusRecount() {
        TransactionTemplate snapshot = new TransactionTemplate(transaction.getTransactionManager());
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        return snapshot.execute(status -> {
            List<Map<String, Object>> wrong = new ArrayList<>();
            for (String[] level : new String[][] {{"task_board_day", "day", "(t.created_at AT TIME ZONE 'Asia/Shanghai')::date"},
                    {"task_board_month", "month", "date_trunc('month', (t.created_at AT TIME ZONE 'Asia/Shanghai')::date)::date"}}) {
                wrong.addAll(jdbc.sql("""
                        WITH recount AS (
                            SELECT t.region_code, t.issuer_department_id AS department_id, %2$s AS period,
                                   count(*) FILTER (WHERE t.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED')) AS open,
                                   count(*) FILTER (WHERE t.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED')
                                                      AND t.overdue) AS open_overdue,
                                   count(*) FILTER (WHERE t.state = 'APPROVED') AS closed,
                                   count(*) FILTER (WHERE t.state = 'APPROVED' AND (t.deadline IS NULL OR t.closed_at <= t.deadline)) AS closed_on_time
                              FROM task t WHERE t.state NOT IN ('DRAFT', 'CANCELLED') GROUP BY 1, 2, 3),
                        counted AS (
                            SELECT region_code, department_id, %1$s AS period, open::bigint, open_overdue::bigint,
                                   closed::bigint, closed_on_time::bigint
                              FROM %3$s WHERE open <> 0 OR open_overdue <> 0 OR closed <> 0 OR closed_on_time <> 0)
                        SELECT '%3$s' AS counters, * FROM (
                            (SELECT * FROM counted EXCEPT SELECT * FROM recount)
                            UNION ALL
                            (SELECT * FROM recount EXCEPT SELECT * FROM counted)) d
                        """.formatted(level[1], level[2], level[0])).query().listOfRows());
            }
            return wrong;
        });
    }

    private static int childLength(RegionNode node) {
        return switch (node.level()) {
            case TOWN -> RegionLevel.VILLAGE.codeLength();
            case VILLAGE -> RegionLevel.GRID.codeLength();
            case GRID -> RegionLevel.MICRO_GRID.codeLength();
            default -> node.code().length();
        };
    }

    private static List<Long> figures(SupervisionBoard.Rates r) {
        return List.of(Long.parseLong(r.code()), r.total(), r.open(), r.openOverdue(), r.closed(), r.closedOnTime());
    }

    /** The board as the definition says, counted over the tasks: open overdue means past the deadline now. */
    private List<List<Long>> directCount(String node, int length, DataScope scope, LocalDate from, LocalDate to) {
        DataScope.SqlPredicate in = Tasks.inScope(scope);
        Map<String, Object> params = new HashMap<>(in.params());
        params.put("length", length);
        params.put("prefix", node + "%");
        params.put("now", Tasks.timestamp(now));
        params.put("from", BoardCounters.startOf(from == null ? LocalDate.of(1970, 1, 1) : from));
        params.put("to", BoardCounters.startOf(to == null ? LocalDate.of(9999, 1, 1) : to.plusDays(1)));
        return jdbc.sql("""
                        SELECT left(t.region_code, :length)::bigint AS code, count(*) AS total,
                               count(*) FILTER (WHERE t.state <> 'APPROVED') AS open,
                               count(*) FILTER (WHERE t.state <> 'APPROVED' AND t.deadline < :now) AS open_overdue,
                               count(*) FILTER (WHERE t.state = 'APPROVED') AS closed,
                               count(*) FILTER (WHERE t.state = 'APPROVED' AND (t.deadline IS NULL OR t.closed_at <= t.deadline)) AS on_time
                          FROM task t
                         WHERE t.state NOT IN ('DRAFT', 'CANCELLED') AND t.region_code LIKE :prefix
                           AND t.created_at >= :from AND t.created_at < :to AND """ + " " + in.sql() + " GROUP BY 1 ORDER BY 1")
                .params(params)
                .query((rs, n) -> Arrays.asList(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)))
                .list();
    }
}

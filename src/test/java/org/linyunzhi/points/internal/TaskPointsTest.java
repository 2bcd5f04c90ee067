package org.linyunzhi.points.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.points.PointsApi;
import org.linyunzhi.task.TaskEvents.TaskApproved;
import org.linyunzhi.task.TaskEvents.TaskDispatched;
import org.linyunzhi.task.TaskEvents.TaskOverdue;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Task events, published in a transaction as the task module does, reach the ledger through the
 * event publication registry: approval earns the rule's amount, an early finish the bonus, an
 * overdue task loses the deduction, and an event delivered twice counts once.
 */
@IntegrationTest
class TaskPointsTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final String GRID = "330109107201001";

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    PointsApi points;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    void publish(Object event) {
        tx.executeWithoutResult(status -> events.publishEvent(event));
    }

    static TaskApproved approved(UUID task, UUID staff, UUID user, TaskType type, TaskPriority priority,
                                 Instant deadline, Instant submitted, String region) {
        return new TaskApproved(task, "RW-T-" + task.toString().substring(0, 6), "Patrol the river bank", type, priority,
                region, staff, user, deadline, submitted, Instant.now(), Set.of());
    }

    /** Waits until every delivery of the task's events to the points listener has completed. */
    void awaitDeliveries(UUID task, int count) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql("""
                        SELECT count(*) FROM event_publication
                         WHERE listener_id LIKE '%TaskPointsListener%' AND serialized_event LIKE :task
                           AND completion_date IS NOT NULL""")
                .param("task", "%" + task + "%").query(Long.class).single()).isEqualTo(count));
    }

    @Test
    void approvalEarnsTheRulesAmountForTypeAndPriority() {
        UUID staff = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        int expected = points.approvalPoints(TaskType.RECTIFICATION, TaskPriority.URGENT);

        publish(approved(UUID.randomUUID(), staff, user, TaskType.RECTIFICATION, TaskPriority.URGENT,
                null, Instant.now(), GRID));

        await().atMost(WAIT).untilAsserted(() -> assertThat(points.balance(staff)).isEqualTo(expected));
        assertThat(expected).isEqualTo(10); // the seeded default: rectification, urgent
        assertThat(points.balanceOfUser(user)).isEqualTo(expected);
    }

    @Test
    void submittingADayEarlyEarnsTheBonus() {
        UUID staff = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        Instant now = Instant.now();

        publish(approved(task, staff, null, TaskType.PATROL, TaskPriority.NORMAL, now.plus(Duration.ofHours(30)), now, GRID));

        await().atMost(WAIT).untilAsserted(() -> assertThat(ledger.ofSource(task)).hasSize(2));
        assertThat(ledger.ofSource(task)).extracting(LedgerEntry::ruleCode, LedgerEntry::points).containsExactly(
                org.assertj.core.groups.Tuple.tuple("APPROVAL:PATROL:NORMAL", 2),
                org.assertj.core.groups.Tuple.tuple("EARLY_BONUS", 1));
        assertThat(points.balance(staff)).isEqualTo(3);
    }

    @Test
    void aShortTaskEarnsTheBonusByTheShareOfItsWindow() {
        UUID staff = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        Instant now = Instant.now();
        Instant deadline = now.plus(Duration.ofHours(2));
        publish(new TaskDispatched(task, "RW-S", "Short patrol", TaskType.PATROL, TaskPriority.NORMAL, GRID, staff,
                null, deadline, Set.of(), now.minus(Duration.ofHours(2))));
        awaitDeliveries(task, 1);

        // two of four hours left: 50 % >= 25 %, though far fewer than 24 hours
        publish(approved(task, staff, null, TaskType.PATROL, TaskPriority.NORMAL, deadline, now, GRID));

        await().atMost(WAIT).untilAsserted(() -> assertThat(points.balance(staff)).isEqualTo(3));
    }

    @Test
    void overdueDeductsOnceEvenWhenDeliveredTwice() {
        UUID staff = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        Instant deadline = Instant.now().minusSeconds(5);
        TaskOverdue overdue = new TaskOverdue(task, "RW-O", "Late patrol", TaskType.PATROL, TaskPriority.NORMAL, GRID,
                staff, null, deadline, Set.of(), Instant.now());

        publish(overdue);
        awaitDeliveries(task, 1);
        publish(overdue); // delivered again, as the registry does after a restart

        awaitDeliveries(task, 2);
        assertThat(points.balance(staff)).isEqualTo(-2);
        assertThat(ledger.ofSource(task)).singleElement().extracting(LedgerEntry::ruleCode).isEqualTo("OVERDUE");

        // the deadline was moved and missed again: a real second occurrence costs again
        publish(new TaskOverdue(task, "RW-O", "Late patrol", TaskType.PATROL, TaskPriority.NORMAL, GRID, staff, null,
                deadline.plus(Duration.ofDays(1)), Set.of(), Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(points.balance(staff)).isEqualTo(-4));
    }

    @Test
    void anApprovalDeliveredTwiceCountsOnce() {
        UUID staff = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        TaskApproved event = approved(task, staff, null, TaskType.COORDINATION, TaskPriority.HIGH, null, Instant.now(), GRID);

        publish(event);
        awaitDeliveries(task, 1);
        publish(event); // delivered again, as the registry does after a restart

        awaitDeliveries(task, 2);
        assertThat(points.balance(staff)).isEqualTo(points.approvalPoints(TaskType.COORDINATION, TaskPriority.HIGH));
        assertThat(ledger.ofSource(task)).hasSize(1);
    }

    /** Two nodes handling one event at the same moment: the unique key lets exactly one write. */
    @Test
    void concurrentDeliveriesWriteOnce() throws Exception {
        UUID staff = UUID.randomUUID();
        Award award = new Award(staff, null, GRID, 3, "APPROVAL:PATROL:HIGH", "RW-C race", PointsPolicy.APPROVED,
                UUID.randomUUID(), "RW-C", "", Instant.now());
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.Callable<Boolean> deliver = () -> tx.execute(s -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return ledger.append(award);
        });
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(deliver);
            var second = pool.submit(deliver);
            assertThat(java.util.List.of(first.get(), second.get())).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdown();
        }
        assertThat(points.balance(staff)).isEqualTo(3);
    }

    @Test
    void theLedgerRefusesEditsAndDeletes() {
        UUID staff = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        publish(approved(task, staff, null, TaskType.PATROL, TaskPriority.NORMAL, null, Instant.now(), GRID));
        await().atMost(WAIT).untilAsserted(() -> assertThat(points.balance(staff)).isEqualTo(2));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                        "UPDATE points_entry SET points = 100 WHERE source_id = :t").param("t", task).update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                        "DELETE FROM points_entry WHERE source_id = :t").param("t", task).update())
                .hasMessageContaining("append-only");
        assertThat(points.balance(staff)).isEqualTo(2);
    }
}

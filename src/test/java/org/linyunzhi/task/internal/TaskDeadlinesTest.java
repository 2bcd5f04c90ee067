package org.linyunzhi.task.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.grid.StaffMember;
import org.linyunzhi.grid.StaffRole;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.UserDirectory;
import org.linyunzhi.task.TaskEvents;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.linyunzhi.task.internal.supervision.DeadlineTimers;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The lifecycle's side of the deadline timers: a dispatch sets them, approval and cancellation remove
 * them; when they fire, an open task is marked overdue (once) and escalated to the grid's heads and the
 * issuer, while a closed task or a moved deadline ignores them. The scheduler itself (db-scheduler,
 * persistent and cluster-safe) is the supervision package's and has its own tests.
 */
@IntegrationTest
@RecordApplicationEvents
class TaskDeadlinesTest {

    @Autowired
    Tasks tasks;

    @Autowired
    TaskNumbers numbers;

    @Autowired
    GridApi grid;

    @Autowired
    UserDirectory users;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TaskDeadlines deadlines;

    @Autowired
    TaskLifecycle lifecycle;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    /** What the lifecycle asked of the timers, recorded in order. */
    static final class RecordingTimers implements DeadlineTimers {
        final List<String> calls = new ArrayList<>();

        @Override
        public void schedule(UUID taskId, Instant deadline) {
            calls.add("schedule " + taskId + " " + deadline);
        }

        @Override
        public void cancel(UUID taskId) {
            calls.add("cancel " + taskId);
        }
    }

    @Test
    void dispatchSetsTheTimersAndApprovalOrCancellationRemovesThem() {
        RecordingTimers timers = new RecordingTimers();
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("timers", timers));
        TaskLifecycle withTimers = new TaskLifecycle(tasks, numbers, grid, users, publisher,
                beans.getBeanProvider(DeadlineTimers.class), beans.getBeanProvider(java.time.Clock.class));
        RegionNode village = TaskFixtures.village(grid, 9);
        CurrentUser officer = TaskFixtures.officer("officer", UUID.randomUUID());
        CurrentUser worker = TaskFixtures.worker("worker", village.code());
        Instant deadline = TaskFixtures.inDays(2);
        Task task = withTimers.create(officer, new NewTask("Timed", null, TaskType.PATROL, TaskSource.DEPARTMENT, null,
                TaskPriority.NORMAL, deadline, village.code(), null, null, null, true));
        withTimers.accept(task.id(), null, worker);
        withTimers.checkIn(task.id(), null, worker, null, null);
        withTimers.submit(task.id(), null, worker, "done");
        withTimers.approve(task.id(), null, officer);
        Task other = withTimers.create(officer, new NewTask("Cancelled", null, TaskType.PATROL, TaskSource.DEPARTMENT,
                null, TaskPriority.NORMAL, deadline, village.code(), null, null, null, true));
        withTimers.cancel(other.id(), null, officer, "duplicate");
        assertThat(timers.calls).containsExactly("schedule " + task.id() + " " + deadline, "cancel " + task.id(),
                "schedule " + other.id() + " " + deadline, "cancel " + other.id());
    }

    @Test
    void firingTimersMarkOverdueOnceAndEscalateToTheGridHeadsAndTheIssuer() {
        RegionNode gridNode = grid.descendants(TaskFixtures.village(grid, 9).code(), RegionLevel.GRID).get(0);
        StaffMember head = grid.rosters(List.of(gridNode.code())).stream().filter(m -> m.role() == StaffRole.GRID_HEAD)
                .findFirst().orElseThrow();
        UUID headUser = UUID.randomUUID();
        grid.linkUser(head.staffId(), headUser);
        CurrentUser officer = TaskFixtures.officer("officer", UUID.randomUUID());
        Task task = lifecycle.create(officer, new NewTask("Late", null, TaskType.PATROL, TaskSource.DEPARTMENT, null,
                TaskPriority.NORMAL, TaskFixtures.inDays(1), gridNode.code(), null, null, null, true));

        deadlines.deadlineNear(task.id(), task.deadline());
        deadlines.deadlinePassed(task.id(), task.deadline());
        deadlines.deadlinePassed(task.id(), task.deadline()); // a timer firing twice changes nothing more
        deadlines.escalationDue(task.id(), task.deadline());
        deadlines.deadlinePassed(task.id(), task.deadline().plusSeconds(60)); // a timer for an old deadline

        assertThat(jdbc.sql("SELECT overdue FROM task WHERE id = :id").param("id", task.id()).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM task_timeline WHERE task_id = :id AND action = 'OVERDUE'")
                .param("id", task.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(events.stream(TaskEvents.TaskDeadlineNear.class).filter(e -> e.taskId().equals(task.id()))).hasSize(1);
        assertThat(events.stream(TaskEvents.TaskOverdue.class).filter(e -> e.taskId().equals(task.id()))).hasSize(1);
        assertThat(events.stream(TaskEvents.TaskEscalated.class).filter(e -> e.taskId().equals(task.id())))
                .singleElement().satisfies(e -> assertThat(e.recipientUserIds()).contains(headUser, officer.id()));

        // once cancelled, the timers find nothing to do
        lifecycle.cancel(task.id(), null, officer, "merged with another task");
        deadlines.escalationDue(task.id(), task.deadline());
        assertThat(events.stream(TaskEvents.TaskEscalated.class).filter(e -> e.taskId().equals(task.id()))).hasSize(1);
    }
}

package org.linyunzhi.task.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linyunzhi.task.internal.TaskState.ACCEPTED;
import static org.linyunzhi.task.internal.TaskState.APPROVED;
import static org.linyunzhi.task.internal.TaskState.CANCELLED;
import static org.linyunzhi.task.internal.TaskState.DISPATCHED;
import static org.linyunzhi.task.internal.TaskState.DRAFT;
import static org.linyunzhi.task.internal.TaskState.IN_PROGRESS;
import static org.linyunzhi.task.internal.TaskState.RETURNED;
import static org.linyunzhi.task.internal.TaskState.SUBMITTED;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.task.TaskEvents;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;

/**
 * The lifecycle's transition table, action by action and state by state: written out here from
 * the issue's description, not read from the code, so a change to the table is a change to this test.
 */
class TaskTransitionsTest {

    /** Where each action may start, and where it leads (the issue: draft → dispatched → accepted → …). */
    static final Map<TaskAction, Set<TaskState>> ALLOWED = Map.of(
            TaskAction.DISPATCH, EnumSet.of(DRAFT),
            TaskAction.ACCEPT, EnumSet.of(DISPATCHED),
            TaskAction.CHECK_IN, EnumSet.of(ACCEPTED, IN_PROGRESS, RETURNED),
            TaskAction.SUBMIT, EnumSet.of(IN_PROGRESS),
            TaskAction.APPROVE, EnumSet.of(SUBMITTED),
            TaskAction.RETURN, EnumSet.of(SUBMITTED),
            TaskAction.FORWARD, EnumSet.of(DISPATCHED, ACCEPTED),
            TaskAction.REASSIGN, EnumSet.of(DISPATCHED, ACCEPTED, IN_PROGRESS, RETURNED),
            TaskAction.CANCEL, EnumSet.of(DRAFT, DISPATCHED, ACCEPTED, IN_PROGRESS, SUBMITTED, RETURNED),
            TaskAction.URGE, EnumSet.of(DISPATCHED, ACCEPTED, IN_PROGRESS, RETURNED));

    static final Map<TaskAction, TaskState> LEADS_TO = Map.of(
            TaskAction.DISPATCH, DISPATCHED, TaskAction.ACCEPT, ACCEPTED, TaskAction.CHECK_IN, IN_PROGRESS,
            TaskAction.SUBMIT, SUBMITTED, TaskAction.APPROVE, APPROVED, TaskAction.RETURN, RETURNED,
            TaskAction.FORWARD, DISPATCHED, TaskAction.REASSIGN, DISPATCHED, TaskAction.CANCEL, CANCELLED);

    static final String NODE = "330109107201001";
    static final UUID STAFF = UUID.randomUUID();
    static final Set<String> ALL = Set.of("task:view", "task:create", "task:dispatch", "task:do", "task:review",
            "task:urge");
    static final Actor WORKER = new Actor(UUID.randomUUID(), "worker", ALL, DataScope.region(NODE), Set.of(STAFF));
    static final Actor HEAD = new Actor(UUID.randomUUID(), "head", ALL, DataScope.region("330109107201"), Set.of());
    static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

    static Task inState(TaskState state) {
        return new Task(UUID.randomUUID(), "RW20261204-0001", "t", null, TaskType.PATROL, TaskSource.DEPARTMENT, null,
                null, state, TaskPriority.NORMAL, NOW.plusSeconds(86_400), NODE, "grid",
                new Assignee(STAFF, "worker", WORKER.userId()), new Issuer(HEAD.userId(), "head", null, null),
                null, null, false, 0, null, null, null, null, null, NOW, NOW, 3);
    }

    /** Performs an action as the person who would normally take it. */
    static void perform(Task task, TaskAction action) {
        Assignee other = new Assignee(UUID.randomUUID(), "other", null);
        switch (action) {
            case DISPATCH -> task.dispatch(HEAD, NOW);
            case ACCEPT -> task.accept(WORKER, null, NOW);
            case CHECK_IN -> task.checkIn(WORKER, new Task.CheckIn(NOW, 120.25, 30.05, NODE + "0001", false));
            case SUBMIT -> task.submit(WORKER, "done", NOW);
            case APPROVE -> task.approve(HEAD, NOW);
            case RETURN -> task.returnForRework(HEAD, "photo unclear", NOW);
            case FORWARD -> task.forwardTo(HEAD, NODE + "0001", "micro", other, NOW);
            case REASSIGN -> task.reassign(HEAD, NODE, "grid", other, NOW);
            case CANCEL -> task.cancel(HEAD, "duplicate", NOW);
            case URGE -> task.urge(HEAD, "hurry", NOW);
            default -> throw new IllegalArgumentException(action.name());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TaskAction.class, names = {"CREATE", "OVERDUE"}, mode = EnumSource.Mode.EXCLUDE)
    void everyActionMovesOnlyFromTheStatesTheTableAllows(TaskAction action) {
        for (TaskState state : TaskState.values()) {
            Task task = inState(state);
            if (ALLOWED.get(action).contains(state)) {
                perform(task, action);
                assertThat(task.state()).as(action + " from " + state).isEqualTo(LEADS_TO.getOrDefault(action, state));
                TimelineEntry entry = task.newEntries().get(task.newEntries().size() - 1);
                assertThat(entry.action()).isEqualTo(action);
                assertThat(entry.fromState()).isEqualTo(state);
                assertThat(entry.toState()).isEqualTo(task.state());
            } else {
                assertThatThrownBy(() -> perform(task, action)).as(action + " from " + state)
                        .isInstanceOfSatisfying(TaskRefused.class, e -> {
                            assertThat(e.kind).isEqualTo(TaskRefused.Kind.CONFLICT);
                            assertThat(e.messageKey).isEqualTo("task.error.state");
                        });
                assertThat(task.state()).isEqualTo(state);
                assertThat(task.newEntries()).isEmpty();
            }
        }
    }

    @Test
    void theCodeTableIsTheTableOfTheIssue() {
        for (TaskAction action : ALLOWED.keySet()) {
            assertThat(action.from()).as(action.name()).isEqualTo(ALLOWED.get(action));
        }
    }

    @Test
    void onlyTheAssigneeWorksAndNobodyApprovesTheirOwnWork() {
        Actor stranger = new Actor(UUID.randomUUID(), "stranger", ALL, DataScope.region(NODE), Set.of());
        assertThatThrownBy(() -> inState(DISPATCHED).accept(stranger, null, NOW))
                .isInstanceOfSatisfying(TaskRefused.class, e -> assertThat(e.messageKey).isEqualTo("task.error.notAssignee"));
        assertThatThrownBy(() -> inState(IN_PROGRESS).submit(stranger, "x", NOW))
                .isInstanceOfSatisfying(TaskRefused.class, e -> assertThat(e.kind).isEqualTo(TaskRefused.Kind.FORBIDDEN));
        assertThatThrownBy(() -> inState(SUBMITTED).approve(WORKER, NOW))
                .isInstanceOfSatisfying(TaskRefused.class, e -> assertThat(e.messageKey).isEqualTo("task.error.ownWork"));
    }

    @Test
    void aMissingPermissionIsForbiddenAndAnotherSubtreeIsNotFound() {
        Actor noReview = new Actor(UUID.randomUUID(), "w", Set.of("task:view", "task:do"), DataScope.region(NODE), Set.of());
        assertThatThrownBy(() -> inState(SUBMITTED).approve(noReview, NOW))
                .isInstanceOfSatisfying(TaskRefused.class, e -> assertThat(e.kind).isEqualTo(TaskRefused.Kind.FORBIDDEN));
        Actor elsewhere = new Actor(UUID.randomUUID(), "e", ALL, DataScope.region("330109107202"), Set.of());
        assertThatThrownBy(() -> inState(SUBMITTED).approve(elsewhere, NOW))
                .isInstanceOfSatisfying(TaskRefused.class, e -> assertThat(e.kind).isEqualTo(TaskRefused.Kind.NOT_FOUND));
    }

    @Test
    void forwardingGoesDownTheTreeOnlyAndStartsOverAtDispatched() {
        Task task = inState(ACCEPTED);
        assertThatThrownBy(() -> task.forwardTo(HEAD, "330109107201", "village", null, NOW))
                .isInstanceOfSatisfying(TaskRefused.class, e -> assertThat(e.field).isEqualTo("node"));
        Assignee member = new Assignee(UUID.randomUUID(), "member", UUID.randomUUID());
        task.forwardTo(HEAD, NODE + "0002", "micro 2", member, NOW);
        assertThat(task.state()).isEqualTo(DISPATCHED);
        assertThat(task.regionCode()).isEqualTo(NODE + "0002");
        assertThat(task.assignee()).isEqualTo(member);
        assertThat(task.events()).singleElement().isInstanceOfSatisfying(TaskEvents.TaskDispatched.class,
                e -> assertThat(e.assigneeUserId()).isEqualTo(member.userId()));
    }

    @Test
    void aReturnNeedsAReasonAndTellsTheWorker() {
        Task task = inState(SUBMITTED);
        assertThatThrownBy(() -> task.returnForRework(HEAD, " ", NOW))
                .isInstanceOfSatisfying(TaskRefused.class, e -> assertThat(e.field).isEqualTo("reason"));
        task.returnForRework(HEAD, "photo unclear", NOW);
        assertThat(task.events()).singleElement().isInstanceOfSatisfying(TaskEvents.TaskReturned.class, e -> {
            assertThat(e.reason()).isEqualTo("photo unclear");
            assertThat(e.recipientUserIds()).containsExactly(WORKER.userId());
        });
    }

    @Test
    void overdueIsMarkedOnceOnOpenTasksOnly() {
        Task open = inState(IN_PROGRESS);
        assertThat(open.markOverdue(Actor.system("SYSTEM"), NOW)).isTrue();
        assertThat(open.markOverdue(Actor.system("SYSTEM"), NOW)).isFalse();
        assertThat(open.state()).isEqualTo(IN_PROGRESS);
        assertThat(open.events()).singleElement().isInstanceOf(TaskEvents.TaskOverdue.class);
        assertThat(inState(APPROVED).markOverdue(Actor.system("SYSTEM"), NOW)).isFalse();
    }
}

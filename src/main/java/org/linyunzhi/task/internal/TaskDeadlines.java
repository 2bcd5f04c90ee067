package org.linyunzhi.task.internal;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.StaffMember;
import org.linyunzhi.grid.StaffRole;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.task.TaskEvents;
import org.linyunzhi.task.internal.supervision.DeadlineListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the lifecycle does when a deadline timer fires. A timer may outlive its reason (the task was
 * approved, or its deadline moved): each method checks the task is still open and the deadline is
 * still the one the timer was set for, and otherwise does nothing.
 */
@Component
class TaskDeadlines implements DeadlineListener {

    /** The name timeline entries show for what the timers did; pages render it in the reader's language. */
    static final String SYSTEM = "SYSTEM";

    private final Tasks tasks;
    private final TaskLifecycle lifecycle;
    private final GridApi grid;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    TaskDeadlines(Tasks tasks, TaskLifecycle lifecycle, GridApi grid, ApplicationEventPublisher publisher,
                  ObjectProvider<Clock> clock) {
        this.tasks = tasks;
        this.lifecycle = lifecycle;
        this.grid = grid;
        this.publisher = publisher;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Override
    @Transactional
    public void deadlineNear(UUID taskId, java.time.Instant deadline) {
        stillDue(taskId, deadline).ifPresent(task -> publisher.publishEvent(new TaskEvents.TaskDeadlineNear(task.id(),
                task.number(), task.name(), task.regionCode(), assigneeStaff(task), task.assigneeUserId(),
                task.deadline(), assigneeUsers(task), clock.instant())));
    }

    @Override
    @Transactional
    public void deadlinePassed(UUID taskId, java.time.Instant deadline) {
        stillDue(taskId, deadline).ifPresent(task -> lifecycle.markOverdue(task.id(), SYSTEM));
    }

    /** Overdue for long: the grid's heads and the issuer are told, besides the assignee. */
    @Override
    @Transactional
    public void escalationDue(UUID taskId, java.time.Instant deadline) {
        stillDue(taskId, deadline).ifPresent(task -> {
            Set<UUID> recipients = new LinkedHashSet<>(assigneeUsers(task));
            gridOf(task.regionCode()).ifPresent(gridCode -> grid.rosters(List.of(gridCode)).stream()
                    .filter(m -> m.role() == StaffRole.GRID_HEAD).map(StaffMember::userId)
                    .filter(java.util.Objects::nonNull).forEach(recipients::add));
            if (task.issuer().userId() != null) {
                recipients.add(task.issuer().userId());
            }
            publisher.publishEvent(new TaskEvents.TaskEscalated(task.id(), task.number(), task.name(),
                    task.regionCode(), task.deadline(), Set.copyOf(recipients), clock.instant()));
        });
    }

    private java.util.Optional<Task> stillDue(UUID taskId, java.time.Instant deadline) {
        return tasks.find(taskId, DataScope.all())
                .filter(t -> t.state().isOpen() && t.deadline() != null && t.deadline().equals(deadline));
    }

    /** The grid a node lies in: its code's first fifteen digits (docs/region-codes.md). */
    private static java.util.Optional<String> gridOf(String code) {
        int length = RegionLevel.GRID.codeLength();
        return code.length() >= length ? java.util.Optional.of(code.substring(0, length)) : java.util.Optional.empty();
    }

    private static UUID assigneeStaff(Task task) {
        return task.assignee() == null ? null : task.assignee().staffId();
    }

    private static Set<UUID> assigneeUsers(Task task) {
        return task.assigneeUserId() == null ? Set.of() : Set.of(task.assigneeUserId());
    }
}

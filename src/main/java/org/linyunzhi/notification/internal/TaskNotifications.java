package org.linyunzhi.notification.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.task.TaskEvents.TaskApproved;
import org.linyunzhi.task.TaskEvents.TaskDeadlineNear;
import org.linyunzhi.task.TaskEvents.TaskDispatched;
import org.linyunzhi.task.TaskEvents.TaskEscalated;
import org.linyunzhi.task.TaskEvents.TaskOverdue;
import org.linyunzhi.task.TaskEvents.TaskReturned;
import org.linyunzhi.task.TaskEvents.TaskUrged;
import org.linyunzhi.task.TaskEvents.TasksDispatched;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells people about their tasks. The task module names the recipients in each event, so routing
 * stays there; this only files the notice. Each listener runs after the task's commit, in its own
 * transaction, and may run twice for one event (the outbox redelivers): the inbox keeps one row
 * per recipient and event.
 */
@Component
class TaskNotifications {

    static final String SUBJECT = "TASK";

    private final Notifier notifier;

    TaskNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    /** Where a task is opened; the task module's detail page. */
    static String link(UUID taskId) {
        return "/task/tasks/" + taskId;
    }

    @ApplicationModuleListener
    void on(TaskDispatched e) {
        file(NotificationKind.TASK_DISPATCHED, e.taskId(), e.number(), e.name(), null, e.at(), "TaskDispatched",
                e.recipientUserIds());
    }

    /** A campaign's tasks: each person is told of each of their tasks, as for single dispatches. */
    @ApplicationModuleListener
    void on(TasksDispatched batch) {
        batch.tasks().forEach(this::on);
    }

    @ApplicationModuleListener
    void on(TaskReturned e) {
        file(NotificationKind.TASK_RETURNED, e.taskId(), e.number(), e.name(), e.reason(), e.at(), "TaskReturned",
                e.recipientUserIds());
    }

    @ApplicationModuleListener
    void on(TaskUrged e) {
        file(NotificationKind.TASK_URGED, e.taskId(), e.number(), e.name(), e.message(), e.at(), "TaskUrged",
                e.recipientUserIds());
    }

    @ApplicationModuleListener
    void on(TaskDeadlineNear e) {
        file(NotificationKind.TASK_DEADLINE_NEAR, e.taskId(), e.number(), e.name(), null, e.at(), "TaskDeadlineNear",
                e.recipientUserIds());
    }

    @ApplicationModuleListener
    void on(TaskOverdue e) {
        file(NotificationKind.TASK_OVERDUE, e.taskId(), e.number(), e.name(), null, e.at(), "TaskOverdue",
                e.recipientUserIds());
    }

    @ApplicationModuleListener
    void on(TaskEscalated e) {
        file(NotificationKind.TASK_ESCALATED, e.taskId(), e.number(), e.name(), null, e.at(), "TaskEscalated",
                e.recipientUserIds());
    }

    @ApplicationModuleListener
    void on(TaskApproved e) {
        file(NotificationKind.TASK_APPROVED, e.taskId(), e.number(), e.name(), null, e.approvedAt(), "TaskApproved",
                e.recipientUserIds());
    }

    private void file(NotificationKind kind, UUID taskId, String number, String name, String detail, Instant at,
                      String eventType, Set<UUID> recipients) {
        if (recipients == null || recipients.isEmpty()) {
            return;
        }
        // the event's own time tells a second urge apart from the first urge delivered twice
        String sourceKey = eventType + ":" + taskId + ":" + at.toEpochMilli();
        notifier.file(new Notice(kind, SUBJECT, taskId, number, name, detail, link(taskId), at, sourceKey, recipients));
    }
}

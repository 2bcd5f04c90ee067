package org.linyunzhi.task;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the task module tells the rest of the platform, as past-tense events published through
 * Modulith's transactional outbox. Every event names the people to tell ({@code recipientUserIds},
 * identity user ids, possibly empty when the person has no account) so that listeners such as
 * notifications need not know how tasks are routed. {@code assigneeStaffId} is the grid roster
 * person responsible (负责人), {@code assigneeUserId} their login account when they have one.
 */
public final class TaskEvents {

    private TaskEvents() {
    }

    public record TaskDispatched(UUID taskId, String number, String name, TaskType type, TaskPriority priority,
                                 String regionCode, UUID assigneeStaffId, UUID assigneeUserId, Instant deadline,
                                 Set<UUID> recipientUserIds, Instant at) {
    }

    /**
     * Many tasks dispatched in one go (a campaign, a hazard inspection): one event for the batch, so the
     * outbox writes one row per listener instead of one per task and listener — 852 micro-grids made
     * 1,704 single-row inserts, most of a campaign's time. Single dispatches still send {@link TaskDispatched}.
     */
    public record TasksDispatched(List<TaskDispatched> tasks) {
    }

    /**
     * The demo's past (months of tasks written at start-up), for modules that keep their own account of
     * it, such as the points ledger. Published once, synchronously, inside the transaction that writes
     * the history; not meant for notifications — nobody is told today about the past.
     */
    public record TaskHistoryWritten(List<TaskDispatched> dispatched, List<TaskApproved> approved,
                                     List<TaskOverdue> overdue) {
    }

    public record TaskReturned(UUID taskId, String number, String name, String regionCode, UUID assigneeStaffId,
                               UUID assigneeUserId, String reason, Set<UUID> recipientUserIds, Instant at) {
    }

    public record TaskUrged(UUID taskId, String number, String name, String regionCode, UUID assigneeStaffId,
                            UUID assigneeUserId, String message, UUID urgedBy, Set<UUID> recipientUserIds,
                            Instant at) {
    }

    /** The deadline is near (a configurable time before it). */
    public record TaskDeadlineNear(UUID taskId, String number, String name, String regionCode, UUID assigneeStaffId,
                                   UUID assigneeUserId, Instant deadline, Set<UUID> recipientUserIds, Instant at) {
    }

    public record TaskOverdue(UUID taskId, String number, String name, TaskType type, TaskPriority priority,
                              String regionCode, UUID assigneeStaffId, UUID assigneeUserId, Instant deadline,
                              Set<UUID> recipientUserIds, Instant at) {
    }

    /** Overdue for longer than the escalation delay: the grid head and the issuing department are told. */
    public record TaskEscalated(UUID taskId, String number, String name, String regionCode, Instant deadline,
                                Set<UUID> recipientUserIds, Instant at) {
    }

    /** Reviewed and accepted: the work is done; points are earned on this event. */
    public record TaskApproved(UUID taskId, String number, String name, TaskType type, TaskPriority priority,
                               String regionCode, UUID assigneeStaffId, UUID assigneeUserId, Instant deadline,
                               Instant submittedAt, Instant approvedAt, Set<UUID> recipientUserIds) {
    }
}

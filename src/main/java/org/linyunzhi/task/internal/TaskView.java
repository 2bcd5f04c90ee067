package org.linyunzhi.task.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;

/** A task as pages and the API show it, with its timeline and photos. */
record TaskView(UUID id, String number, String name, String description, TaskType type, TaskSource source,
                String sourceRef, UUID campaignId, TaskState state, TaskPriority priority, Instant deadline,
                boolean overdueNow, String regionCode, String regionName, UUID assigneeStaffId, String assigneeName,
                UUID assigneeUserId, UUID issuerUserId, String issuerName, String issuerDepartmentName, Double lon,
                Double lat, int urgeCount, Instant checkedInAt, Double checkInLon, Double checkInLat, String checkInNode,
                Boolean checkInOutside, String result, Instant submittedAt, String returnReason, Instant closedAt,
                Instant createdAt, Instant updatedAt, int version, List<TimelineEntry> timeline,
                List<Submissions.Attachment> attachments) {

    static TaskView of(Task t, Instant now, List<TimelineEntry> timeline, List<Submissions.Attachment> attachments) {
        Assignee a = t.assignee();
        Task.CheckIn c = t.checkIn();
        return new TaskView(t.id(), t.number(), t.name(), t.description(), t.type(), t.source(), t.sourceRef(),
                t.campaignId(), t.state(), t.priority(), t.deadline(),
                t.state().isOpen() && t.deadline() != null && t.deadline().isBefore(now), t.regionCode(), t.regionName(),
                a == null ? null : a.staffId(), a == null ? null : a.name(), a == null ? null : a.userId(),
                t.issuer().userId(), t.issuer().name(), t.issuer().departmentName(), t.lon(), t.lat(), t.urgeCount(),
                c == null ? null : c.at(), c == null ? null : c.lon(), c == null ? null : c.lat(),
                c == null ? null : c.nodeCode(), c == null ? null : c.outside(), t.result(), t.submittedAt(),
                t.returnReason(), t.closedAt(), t.createdAt(), t.updatedAt(), t.version(), timeline, attachments);
    }

    /** Short form for answers to actions, without timeline and photos. */
    static TaskView brief(Task t, Instant now) {
        return of(t, now, List.of(), List.of());
    }
}

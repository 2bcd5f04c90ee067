package org.linyunzhi.notification.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.hazard.HazardEvents.HazardClosed;
import org.linyunzhi.hazard.HazardEvents.HazardEscalated;
import org.linyunzhi.hazard.HazardEvents.HazardOverdue;
import org.linyunzhi.hazard.HazardEvents.HazardReported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells people about hazards: the hazard module names the recipients (the handling body of the
 * level), this only files the notice. Like the task notices, a redelivered event files nothing twice.
 */
@Component
class HazardNotifications {

    static final String SUBJECT = "HAZARD";

    private final Notifier notifier;

    HazardNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    static String link(UUID hazardId) {
        return "/hazard/hazards/" + hazardId;
    }

    @ApplicationModuleListener
    void on(HazardReported e) {
        file(NotificationKind.HAZARD_REPORTED, e.hazardId(), e.number(), e.title(), null, e.at(), "HazardReported",
                e.recipientUserIds());
    }

    @ApplicationModuleListener
    void on(HazardOverdue e) {
        file(NotificationKind.HAZARD_OVERDUE, e.hazardId(), e.number(), e.title(), null, e.at(), "HazardOverdue",
                e.recipientUserIds());
    }

    @ApplicationModuleListener
    void on(HazardEscalated e) {
        file(NotificationKind.HAZARD_ESCALATED, e.hazardId(), e.number(), e.title(), null, e.at(), "HazardEscalated",
                e.recipientUserIds());
    }

    @ApplicationModuleListener
    void on(HazardClosed e) {
        file(NotificationKind.HAZARD_CLOSED, e.hazardId(), e.number(), e.title(), null, e.at(), "HazardClosed",
                e.recipientUserIds());
    }

    private void file(NotificationKind kind, UUID hazardId, String number, String title, String detail, Instant at,
                      String eventType, Set<UUID> recipients) {
        if (recipients == null || recipients.isEmpty()) {
            return;
        }
        String sourceKey = eventType + ":" + hazardId + ":" + at.toEpochMilli();
        notifier.file(new Notice(kind, SUBJECT, hazardId, number, title, detail, link(hazardId), at, sourceKey,
                recipients));
    }
}

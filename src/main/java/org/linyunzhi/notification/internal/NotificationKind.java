package org.linyunzhi.notification.internal;

/** What a notification tells its reader; each kind has its wording in the notification bundle. */
enum NotificationKind {
    TASK_DISPATCHED, TASK_RETURNED, TASK_URGED, TASK_DEADLINE_NEAR, TASK_OVERDUE, TASK_ESCALATED, TASK_APPROVED,
    HAZARD_REPORTED, HAZARD_OVERDUE, HAZARD_ESCALATED, HAZARD_CLOSED;

    /** Kinds that ask for action now: shown in red. */
    public boolean urgent() {
        return this == TASK_URGED || this == TASK_OVERDUE || this == TASK_ESCALATED
                || this == HAZARD_OVERDUE || this == HAZARD_ESCALATED;
    }
}

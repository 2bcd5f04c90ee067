package org.linyunzhi.task.internal;

/** Why a task exists; the optional source reference names the record that caused it. */
enum TaskSource {
    /** issued by a town department */
    DEPARTMENT,
    /** one of a campaign's (专项行动) tasks */
    CAMPAIGN,
    /** from an incident of the event module */
    EVENT,
    /** from a hazard to inspect or rectify */
    HAZARD,
    /** from a routine schedule */
    ROUTINE,
    /** reported by the grid worker who found the problem */
    SELF_REPORTED
}

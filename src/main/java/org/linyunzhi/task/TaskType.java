package org.linyunzhi.task;

/** What kind of work a task is; points rules and reports group by it. */
public enum TaskType {
    /** 巡查/排查 */
    PATROL,
    /** 核查/核实 */
    VERIFICATION,
    /** 宣传 */
    PUBLICITY,
    /** 微服务: a service to residents */
    RESIDENT_SERVICE,
    /** 微党建 */
    PARTY_BUILDING,
    /** 微协调 */
    COORDINATION,
    /** 整改 */
    RECTIFICATION,
    /** 事件处置 */
    INCIDENT_HANDLING
}

package org.linyunzhi.task;

import java.time.Instant;
import java.util.UUID;

/**
 * A task another module asks for (a campaign's inspection round, a hazard to rectify).
 *
 * @param sourceKind     why it exists: HAZARD, CAMPAIGN or EVENT
 * @param sourceRef      the record that caused it, shown on the task (a campaign code, a hazard number)
 * @param regionCode     the node the task is sent to
 * @param staffId        the roster person responsible, or null for the node's default assignee
 * @param issuedByUserId the user on whose behalf the module issues it, or null for the system (demo, timers)
 */
public record TaskOrder(String name, String description, TaskType type, String sourceKind, String sourceRef,
                        TaskPriority priority, Instant deadline, String regionCode, UUID staffId, Double lon, Double lat,
                        UUID issuedByUserId) {
}

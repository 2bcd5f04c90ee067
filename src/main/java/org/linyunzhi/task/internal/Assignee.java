package org.linyunzhi.task.internal;

import java.util.UUID;

/**
 * The person responsible (负责人): a grid roster member and their login when linked, or a user
 * without a roster entry (a cadre who signed for a task himself). The name is kept as it was then.
 */
record Assignee(UUID staffId, String name, UUID userId) {
}

package org.linyunzhi.task.internal;

import java.util.UUID;

/** Who issued a task and for which department; the user id is null for imported or generated tasks. */
record Issuer(UUID userId, String name, UUID departmentId, String departmentName) {
}

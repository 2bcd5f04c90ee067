package org.linyunzhi.task;

import java.util.UUID;

/** A task issued through {@link TaskApi}: its id, its readable number and who it reached (either may be null). */
public record IssuedTask(UUID id, String number, UUID assigneeStaffId, UUID assigneeUserId) {
}

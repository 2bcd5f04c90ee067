package org.linyunzhi.task.internal;

import java.util.Set;
import java.util.UUID;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;

/**
 * Who acts on a task: the signed-in user with the grid staff members linked to their account, so
 * "is this my task" holds whether the task names the account or the roster person. The deadline
 * timers act as the system, with no user and every region in scope.
 */
record Actor(UUID userId, String name, Set<String> permissions, DataScope scope, Set<UUID> staffIds) {

    static Actor of(CurrentUser user, Set<UUID> staffIds) {
        return new Actor(user.id(), user.displayName(), user.permissions(), user.scope(), staffIds);
    }

    static Actor system(String name) {
        return new Actor(null, name, Set.of(), DataScope.all(), Set.of());
    }

    boolean can(String permission) {
        return permission == null || permissions.contains(permission);
    }

    boolean covers(String regionCode) {
        return scope.coversRegion(regionCode);
    }

    /** Whether the person responsible for the task is this actor (by account or by roster person). */
    boolean isAssignee(Assignee assignee) {
        if (assignee == null) {
            return false;
        }
        return (userId != null && userId.equals(assignee.userId()))
                || (assignee.staffId() != null && staffIds.contains(assignee.staffId()));
    }
}

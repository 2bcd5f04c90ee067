package org.linyunzhi.hazard.internal.hazards;

import java.util.Set;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;

/**
 * Who takes an action: a person with permissions and a data scope, or a timer. {@code department}
 * is the town department a department officer acts for (their scope's department), else null: such
 * an officer orders and verifies only the hazards their department answers for.
 */
record Actor(UUID userId, String name, Set<String> permissions, DataScope scope, String department) {

    static Actor system(String name) {
        return new Actor(null, name, Set.of(), DataScope.all(), null);
    }

    boolean can(String permission) {
        return permission == null || permissions.contains(permission) || userId == null;
    }

    boolean covers(String regionCode) {
        return scope.coversRegion(regionCode);
    }
}

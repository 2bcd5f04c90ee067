package org.linyunzhi.identity.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;

/**
 * A user account as stored: credentials, the region node and department it is bound to, its roles,
 * and the state of lockout and second factor.
 */
record Account(UUID id, String username, String displayName, String passwordHash, boolean mustChangePassword,
               Instant passwordChangedAt, boolean enabled, String regionCode, UUID departmentId,
               DataScope.Kind scopeKind, int failedAttempts, Instant lockedUntil, String totpSecret,
               boolean totpEnabled, Long totpLastStep, int version, Set<String> roles) {

    /** The data scope this account works in. */
    DataScope scope() {
        return switch (scopeKind) {
            case ALL -> DataScope.all();
            case REGION -> DataScope.region(regionCode);
            case DEPARTMENT -> DataScope.department(departmentId, regionCode);
            case SELF -> DataScope.self(id, regionCode);
        };
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}

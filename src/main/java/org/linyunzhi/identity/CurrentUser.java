package org.linyunzhi.identity;

import java.io.Serializable;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user as every module sees it: who, in which roles, with which permissions and
 * which data scope. It is the principal of the security context, so any module can ask for it
 * without depending on how identity authenticates.
 */
public record CurrentUser(UUID id, String username, String displayName, Set<String> roles,
                          Set<String> permissions, DataScope scope) implements Principal, Serializable {

    @Override
    public String getName() {
        return username;
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public static Optional<CurrentUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The current user, or an exception when called outside an authenticated request. */
    public static CurrentUser require() {
        return current().orElseThrow(() -> new IllegalStateException("no authenticated user"));
    }
}

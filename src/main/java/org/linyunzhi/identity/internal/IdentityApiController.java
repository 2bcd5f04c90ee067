package org.linyunzhi.identity.internal;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user for apps and page scripts: who, which permissions, which scope. */
@RestController
class IdentityApiController {

    @GetMapping("/api/identity/me")
    Me me(@AuthenticationPrincipal CurrentUser user) {
        return new Me(user.id(), user.username(), user.displayName(), new TreeSet<>(user.roles()),
                new TreeSet<>(user.permissions()), user.scope().kind(), user.scope().regionCode(),
                user.scope().departmentId());
    }

    record Me(UUID id, String username, String displayName, Set<String> roles, Set<String> permissions,
              DataScope.Kind scope, String regionCode, UUID departmentId) {
    }
}

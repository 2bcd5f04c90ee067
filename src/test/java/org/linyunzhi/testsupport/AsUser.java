package org.linyunzhi.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * MockMvc requests made as a given user, with the same principal type the login produces, so
 * permission and data-scope checks run exactly as in production.
 */
public final class AsUser {

    private AsUser() {
    }

    public static RequestPostProcessor as(CurrentUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        user.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
        return authentication(new UsernamePasswordAuthenticationToken(user, null, authorities));
    }

    public static CurrentUser user(String username, DataScope scope, String... permissions) {
        return new CurrentUser(UUID.nameUUIDFromBytes(username.getBytes()), username, username,
                Set.of("TEST"), Set.of(permissions), scope);
    }
}

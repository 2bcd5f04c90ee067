package org.linyunzhi.web.internal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is changing a setting, for the "updated by" columns. Read from the security context, not
 * from identity's types: identity's own pages use the web module, so web must not depend on it.
 */
public final class Editor {

    private Editor() {
    }

    public static String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() ? auth.getName() : null;
    }
}

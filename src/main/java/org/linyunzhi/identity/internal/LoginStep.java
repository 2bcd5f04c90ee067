package org.linyunzhi.identity.internal;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * A step still owed after the password was accepted. Until every step is done the session holds an
 * authentication whose only authority names the step: no permission, so no action is allowed, and
 * {@link LoginGate} sends every request to the step's page.
 */
enum LoginStep {

    /** the code from the authenticator app */
    SECOND_FACTOR("/login/totp"),
    /** an initial, reset or expired password must be replaced first */
    PASSWORD_CHANGE("/account/password"),
    /** an administrator without a second factor, where one is required, must enrol one */
    SECOND_FACTOR_ENROLMENT("/account/totp");

    private static final String PREFIX = "LOGIN_STEP_";

    final String page;

    LoginStep(String page) {
        this.page = page;
    }

    String authority() {
        return PREFIX + name();
    }

    static Optional<LoginStep> of(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            String authority = granted.getAuthority();
            if (authority != null && authority.startsWith(PREFIX)) {
                return Optional.of(valueOf(authority.substring(PREFIX.length())));
            }
        }
        return Optional.empty();
    }
}

package org.linyunzhi.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Where the browser goes after the password step: to the step still owed or the page first asked
 * for; after a failure back to the login page, which says why (and until when a lock lasts).
 */
@Component
class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    /** Session attribute carrying the last failure to the login page (post-redirect-get). */
    static final String FAILURE = LoginOutcomes.class.getName() + ".failure";

    private final SignIn signIn;

    LoginOutcomes(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        request.getSession().removeAttribute(FAILURE);
        response.sendRedirect(signIn.destination(authentication, request, response));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        request.getSession().setAttribute(FAILURE, Failure.of(exception));
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    /** Why a login failed, as the login page tells it. */
    record Failure(Kind kind, Instant lockedUntil) implements Serializable {

        enum Kind { BAD_CREDENTIALS, LOCKED, DISABLED, BAD_CODE }

        static Failure of(AuthenticationException e) {
            if (e instanceof AccountLockedException locked) {
                return new Failure(Kind.LOCKED, locked.until());
            }
            if (e instanceof DisabledException) {
                return new Failure(Kind.DISABLED, null);
            }
            return new Failure(Kind.BAD_CREDENTIALS, null);
        }
    }
}

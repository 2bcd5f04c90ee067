package org.linyunzhi.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Decides what a login still owes (second factor, password change, second-factor enrolment) and
 * builds the authentication for that state: the full permissions only once nothing is owed.
 */
@Component
class SignIn {

    private final Roles roles;
    private final PasswordPolicy passwords;
    private final IdentityProperties.Totp totp;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final RequestCache requests = new HttpSessionRequestCache();

    SignIn(Roles roles, PasswordPolicy passwords, IdentityProperties properties, ObjectProvider<Clock> clock) {
        this.roles = roles;
        this.passwords = passwords;
        this.totp = properties.totp();
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** The next step the account owes; empty when the login is complete. */
    Optional<LoginStep> next(Account account, boolean secondFactorDone) {
        if (account.totpEnabled() && !secondFactorDone) {
            return Optional.of(LoginStep.SECOND_FACTOR);
        }
        if (account.mustChangePassword() || passwords.expired(account.passwordChangedAt(), clock)) {
            return Optional.of(LoginStep.PASSWORD_CHANGE);
        }
        if (!account.totpEnabled() && secondFactorRequired(account)) {
            return Optional.of(LoginStep.SECOND_FACTOR_ENROLMENT);
        }
        return Optional.empty();
    }

    /** Administrators must use a second factor when the deployment says so. */
    boolean secondFactorRequired(Account account) {
        return totp.requiredForAdmins() && roles.anyAdmin(account.roles());
    }

    /** The authentication for the account's state: pending with one step authority, or complete. */
    Authentication authenticationFor(Account account, boolean secondFactorDone, LoginDetails details) {
        Optional<LoginStep> step = next(account, secondFactorDone);
        CurrentUser user;
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (step.isPresent()) {
            // a pending login carries who it is, but no role and no permission
            user = new CurrentUser(account.id(), account.username(), account.displayName(), Set.of(), Set.of(),
                    account.scope());
            authorities.add(new SimpleGrantedAuthority(step.get().authority()));
        } else {
            Set<String> permissions = roles.permissionsOf(account.roles());
            user = new CurrentUser(account.id(), account.username(), account.displayName(), account.roles(),
                    permissions, account.scope());
            permissions.forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
            account.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
        }
        UsernamePasswordAuthenticationToken token =
                UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        token.setDetails(details);
        return token;
    }

    /**
     * Moves a pending login on after a step was done: stores the new authentication in the session
     * under a fresh session id, since the user's privileges change.
     *
     * @return where to send the browser next
     */
    String advance(Account account, Authentication current, HttpServletRequest request,
                   HttpServletResponse response) {
        Authentication next = authenticationFor(account, true, LoginDetails.from(current.getDetails()));
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(next);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return destination(next, request, response);
    }

    /** The step page still owed, or the page the user first asked for, or home. */
    String destination(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        Optional<LoginStep> step = LoginStep.of(authentication);
        if (step.isPresent()) {
            return request.getContextPath() + step.get().page;
        }
        SavedRequest saved = requests.getRequest(request, response);
        if (saved != null) {
            requests.removeRequest(request, response);
            return saved.getRedirectUrl();
        }
        return request.getContextPath() + "/";
    }
}

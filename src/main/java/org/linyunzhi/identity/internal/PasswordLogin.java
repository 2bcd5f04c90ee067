package org.linyunzhi.identity.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The password step of a login: checks lock, password and account state, counts failures, writes the
 * login log, and hands over either a complete login or a pending one (see {@link LoginStep}).
 */
@Component
class PasswordLogin implements AuthenticationProvider {

    private final Accounts accounts;
    private final Lockout lockout;
    private final LoginLog log;
    private final PasswordEncoder encoder;
    private final SignIn signIn;
    /** Compared against when the name is unknown, so a wrong name costs as long as a wrong password. */
    private final String decoyHash;

    PasswordLogin(Accounts accounts, Lockout lockout, LoginLog log, PasswordEncoder encoder, SignIn signIn) {
        this.accounts = accounts;
        this.lockout = lockout;
        this.log = log;
        this.encoder = encoder;
        this.signIn = signIn;
        this.decoyHash = encoder.encode("decoy-password-never-matches");
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName() == null ? "" : attempt.getName().strip();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        LoginDetails details = LoginDetails.from(attempt.getDetails());

        Optional<Account> found = username.isEmpty() ? Optional.empty() : accounts.byUsername(username);
        if (found.isEmpty()) {
            encoder.matches(password, decoyHash);
            log.record(username, null, details, LoginLog.Result.BAD_PASSWORD);
            throw new BadCredentialsException("bad credentials");
        }
        Account account = found.get();
        Optional<Instant> locked = lockout.lockedUntil(account);
        if (locked.isPresent()) {
            // even the right password is refused while locked, or the lock would not slow guessing
            log.record(username, account, details, LoginLog.Result.LOCKED);
            throw new AccountLockedException(locked.get());
        }
        if (!encoder.matches(password, account.passwordHash())) {
            log.record(username, account, details, LoginLog.Result.BAD_PASSWORD);
            Optional<Instant> nowLocked = lockout.fail(account);
            if (nowLocked.isPresent()) {
                throw new AccountLockedException(nowLocked.get());
            }
            throw new BadCredentialsException("bad credentials");
        }
        if (!account.enabled()) {
            log.record(username, account, details, LoginLog.Result.DISABLED);
            throw new DisabledException("account disabled");
        }
        lockout.succeed(account);
        if (encoder.upgradeEncoding(account.passwordHash())) {
            accounts.upgradeHash(account.id(), encoder.encode(password));
        }
        Authentication result = signIn.authenticationFor(account, false, details);
        if (LoginStep.of(result).filter(s -> s == LoginStep.SECOND_FACTOR).isEmpty()) {
            log.record(username, account, details, LoginLog.Result.SUCCESS);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

package org.linyunzhi.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Locks an account after too many failed attempts in a row (password or second-factor code) for a
 * configured time. The count is kept in the database, so it holds across nodes and restarts.
 */
@Component
class Lockout {

    private final Accounts accounts;
    private final IdentityProperties.Lockout rules;
    private final Clock clock;

    @Autowired
    Lockout(Accounts accounts, IdentityProperties properties, ObjectProvider<Clock> clock) {
        this(accounts, properties, clock.getIfUnique(Clock::systemUTC));
    }

    /** For a test that needs time to pass. */
    Lockout(Accounts accounts, IdentityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.rules = properties.lockout();
        this.clock = clock;
    }

    /** When the account's current lock ends, if it is locked now. */
    Optional<Instant> lockedUntil(Account account) {
        return account.lockedAt(clock.instant()) ? Optional.of(account.lockedUntil()) : Optional.empty();
    }

    /** Counts a failure; returns the lock end when this failure locked the account. */
    Optional<Instant> fail(Account account) {
        Instant now = clock.instant();
        return accounts.countFailure(account.id(), now, rules.maxFailures(), now.plus(rules.duration()));
    }

    void succeed(Account account) {
        accounts.clearFailures(account.id());
    }
}

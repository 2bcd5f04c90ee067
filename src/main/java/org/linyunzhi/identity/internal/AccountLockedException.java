package org.linyunzhi.identity.internal;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** A login refused because the account is locked; carries when the lock ends, for the message. */
class AccountLockedException extends LockedException {

    private final Instant until;

    AccountLockedException(Instant until) {
        super("account locked until " + until);
        this.until = until;
    }

    Instant until() {
        return until;
    }
}

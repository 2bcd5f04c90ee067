package org.linyunzhi.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The security policy a deployment may tune ({@code linyunzhi.identity.*}). The defaults follow
 * 等保 2.0 level 3: complex passwords changed every 90 days, lockout after repeated failures, and a
 * second factor for administrators.
 */
@ConfigurationProperties("linyunzhi.identity")
record IdentityProperties(@DefaultValue Password password, @DefaultValue Lockout lockout, @DefaultValue Totp totp) {

    /**
     * @param minLength shortest accepted password
     * @param minKinds  how many of upper case, lower case, digit, symbol a password must mix
     * @param maxAge    after this long a password must be changed at the next login; zero turns it off
     */
    record Password(@DefaultValue("8") int minLength, @DefaultValue("3") int minKinds,
                    @DefaultValue("90d") Duration maxAge) {
    }

    /**
     * @param maxFailures failed attempts in a row that lock the account
     * @param duration    how long the lock lasts
     */
    record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration duration) {
    }

    /**
     * @param requiredForAdmins whether users holding an administrator role must use a second factor
     * @param issuer            the name authenticator apps show beside the code
     */
    record Totp(@DefaultValue("true") boolean requiredForAdmins, @DefaultValue("Linyunzhi") String issuer) {
    }
}

package org.linyunzhi.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A real deployment ships without any account and without any default password. On the first start
 * (no accounts at all) this creates {@code admin} with a random password, printed once to the log,
 * which must be changed at the first login. The demo profile seeds its own users instead.
 */
@Component
@Profile("!demo")
@Order(20)
class FirstAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final Regions regions;
    private final MessageSource messages;
    private final Clock clock;

    FirstAdministrator(Accounts accounts, PasswordPolicy policy, PasswordEncoder encoder, Regions regions,
                       MessageSource messages, ObjectProvider<Clock> clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.encoder = encoder;
        this.regions = regions;
        this.messages = messages;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Override
    public void run(ApplicationArguments args) {
        createIfNoAccounts().ifPresent(password -> log.warn("""

                ================================================================
                 First start: created the administrator account.
                   user name: {}
                   password:  {}
                 This password is shown only now and must be changed at the first login.
                ================================================================""", USERNAME, password));
    }

    /** The initial password, when this start created the administrator. */
    Optional<String> createIfNoAccounts() {
        if (accounts.count() > 0) {
            return Optional.empty();
        }
        String password = policy.initialPassword();
        Instant now = clock.instant();
        // the administrator works platform-wide; the region only says where the account is filed
        String region = regions.children(null).stream().findFirst().map(r -> r.code()).orElse(DemoUsers.TOWN);
        Account admin = new Account(UUID.randomUUID(), USERNAME,
                messages.getMessage("role.SYS_ADMIN", null, USERNAME, Locale.SIMPLIFIED_CHINESE),
                encoder.encode(password), true, now, true, region, null, DataScope.Kind.ALL, 0, null, null, false,
                null, 0, Set.of("SYS_ADMIN", "SECURITY_ADMIN"));
        try {
            accounts.create(admin, now);
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return Optional.empty();
        }
        return Optional.of(password);
    }
}

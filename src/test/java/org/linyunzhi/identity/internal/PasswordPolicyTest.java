package org.linyunzhi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(new IdentityProperties(
            new IdentityProperties.Password(8, 3, Duration.ofDays(90)),
            new IdentityProperties.Lockout(5, Duration.ofMinutes(15)),
            new IdentityProperties.Totp(true, "Linyunzhi")));

    @Test
    void namesEveryBrokenRule() {
        assertThat(policy.check("Ab1", "zhang")).extracting(PasswordPolicy.Violation::messageKey)
                .containsExactly("password.rule.length");
        assertThat(policy.check("abcdefgh", "zhang")).extracting(PasswordPolicy.Violation::messageKey)
                .containsExactly("password.rule.kinds");
        assertThat(policy.check("Zhang#2026", "zhang")).extracting(PasswordPolicy.Violation::messageKey)
                .containsExactly("password.rule.username");
        assertThat(policy.check("Linpu@2026", "zhang")).isEmpty();
        assertThat(policy.check("linpu2026!", "zhang")).isEmpty();
    }

    @Test
    void initialPasswordsSatisfyThePolicyAndDiffer() {
        String a = policy.initialPassword();
        String b = policy.initialPassword();
        assertThat(policy.check(a, "someone")).isEmpty();
        assertThat(PasswordPolicy.kinds(a)).isEqualTo(4);
        assertThat(a).hasSize(12).isNotEqualTo(b);
    }

    @Test
    void passwordsExpireAfterTheMaximumAge() {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        assertThat(policy.expired(now.minus(Duration.ofDays(89)), clock)).isFalse();
        assertThat(policy.expired(now.minus(Duration.ofDays(91)), clock)).isTrue();
    }
}

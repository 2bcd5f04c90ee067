package org.linyunzhi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first start outside the demo: with no account at all, an administrator with a random password
 * appears, printed once. Runs against the real database inside a transaction that is rolled back, so
 * the demo users the other tests rely on come back.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

    @Autowired Accounts accounts;
    @Autowired PasswordPolicy policy;
    @Autowired PasswordEncoder encoder;
    @Autowired Regions regions;
    @Autowired MessageSource messages;
    @Autowired JdbcClient jdbc;

    @Test
    @Transactional
    void anEmptyDatabaseGetsAnAdministratorWithARandomPasswordThatMustBeChanged(CapturedOutput output) {
        jdbc.sql("DELETE FROM user_account").update();
        FirstAdministrator first = new FirstAdministrator(accounts, policy, encoder, regions, messages,
                new StaticListableBeanFactory().getBeanProvider(java.time.Clock.class));

        first.run(null);
        Account admin = accounts.byUsername("admin").orElseThrow();
        assertThat(admin.mustChangePassword()).isTrue();
        assertThat(admin.scopeKind()).isEqualTo(DataScope.Kind.ALL);
        assertThat(admin.roles()).containsExactlyInAnyOrder("SYS_ADMIN", "SECURITY_ADMIN");
        assertThat(encoder.matches(DemoUsers.PASSWORD, admin.passwordHash())).isFalse();

        String printed = output.getAll().replaceAll("(?s).*password:\\s+(\\S+).*", "$1");
        assertThat(encoder.matches(printed, admin.passwordHash())).as("the printed password opens the account")
                .isTrue();
        assertThat(policy.check(printed, "admin")).isEmpty();

        // a second start, or a second node, creates nothing and prints nothing
        assertThat(first.createIfNoAccounts()).isEqualTo(Optional.empty());
        assertThat(jdbc.sql("SELECT count(*) FROM user_account").query(Integer.class).single()).isEqualTo(1);
    }
}

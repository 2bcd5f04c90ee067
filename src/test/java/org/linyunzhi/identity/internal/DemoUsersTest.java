package org.linyunzhi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@AutoConfigureMockMvc
class DemoUsersTest {

    static final List<String> USERS = List.of("admin", "secadmin", "auditor", "leader", "operator", "officer", "cadre",
            "gridworker", "microhead", "micromember", "mediator", "resident");

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Departments departments;
    @Autowired PasswordEncoder encoder;

    @Test
    void oneUserPerRoleSignsInAtOnceWithTheDemoPassword() throws Exception {
        for (String username : USERS) {
            Account account = accounts.byUsername(username).orElseThrow(() -> new AssertionError(username));
            assertThat(account.mustChangePassword()).as(username).isFalse();
            assertThat(encoder.matches(DemoUsers.PASSWORD, account.passwordHash())).as(username).isTrue();
        }
        assertThat(accounts.byUsername("officer").orElseThrow().departmentId())
                .isEqualTo(departments.byCode("ZZB").orElseThrow().id());
        assertThat(accounts.byUsername("officer").orElseThrow().scopeKind()).isEqualTo(DataScope.Kind.DEPARTMENT);
        assertThat(accounts.byUsername("resident").orElseThrow().scopeKind()).isEqualTo(DataScope.Kind.SELF);
        assertThat(accounts.byUsername("cadre").orElseThrow().regionCode()).startsWith(DemoUsers.TOWN);

        assertThat(TestAccounts.login(mvc, "cadre", DemoUsers.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/");
        // the demo turns the administrators' second factor off, so admin gets straight in too
        assertThat(TestAccounts.login(mvc, "admin", DemoUsers.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }
}

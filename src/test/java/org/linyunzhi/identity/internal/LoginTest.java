package org.linyunzhi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
@AutoConfigureMockMvc
class LoginTest {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired PasswordEncoder encoder;
    @Autowired JdbcClient jdbc;
    @Autowired IdentityProperties properties;
    @Autowired LoginLog log;
    @Autowired SignIn signIn;

    @Test
    void theLoginPageSpeaksChineseFirstAndEnglishOnRequest() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("用户名")));
        mvc.perform(get("/login").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("User name")));
    }

    @Test
    void aGoodPasswordSignsInAndIsLogged() throws Exception {
        Account user = newUser();
        MvcResult result = TestAccounts.login(mvc, user.username(), TestAccounts.PASSWORD);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        Cookie session = TestAccounts.session(result);

        mvc.perform(get("/api/identity/me").cookie(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(user.username()))
                .andExpect(jsonPath("$.permissions[0]").value("grid:locate"));
        assertThat(results(user.username())).containsExactly("SUCCESS");
        Map<String, Object> row = jdbc.sql("SELECT ip, browser FROM login_log WHERE username = :u")
                .param("u", user.username()).query().singleRow();
        assertThat(row.get("ip")).isEqualTo("127.0.0.1");
    }

    @Test
    void aWrongPasswordOrUnknownNameIsRefusedWithOneMessageAndLogged() throws Exception {
        Account user = newUser();
        MvcResult wrong = mvc.perform(post("/login").param("username", user.username()).param("password", "nope")
                        .header("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                                + "(KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36").with(csrf()))
                .andExpect(redirectedUrl("/login?error")).andReturn();
        mvc.perform(get("/login").cookie(TestAccounts.session(wrong)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("用户名或密码错误")));
        TestAccounts.login(mvc, "nobody-" + user.username(), "whatever");

        assertThat(results(user.username())).containsExactly("BAD_PASSWORD");
        assertThat(results("nobody-" + user.username())).containsExactly("BAD_PASSWORD");
        assertThat(jdbc.sql("SELECT browser FROM login_log WHERE username = :u").param("u", user.username())
                .query(String.class).single()).isEqualTo("Chrome 126 / Windows");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndTheMessageSaysUntilWhen() throws Exception {
        Account user = newUser();
        MvcResult last = null;
        for (int i = 0; i < 5; i++) {
            last = TestAccounts.login(mvc, user.username(), "wrong-" + i);
        }
        Instant lockedUntil = accounts.byId(user.id()).orElseThrow().lockedUntil();
        assertThat(lockedUntil).isBetween(Instant.now().plus(Duration.ofMinutes(14)),
                Instant.now().plus(Duration.ofMinutes(16)));
        String until = new TownTime().minutes(lockedUntil);
        mvc.perform(get("/login").cookie(TestAccounts.session(last)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("账号已锁定，将于 " + until)));

        // the right password does not open a locked account
        MvcResult right = TestAccounts.login(mvc, user.username(), TestAccounts.PASSWORD);
        assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        mvc.perform(get("/login").param("lang", "en").cookie(TestAccounts.session(right)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("locked until " + until)));
        assertThat(results(user.username())).containsExactly("BAD_PASSWORD", "BAD_PASSWORD", "BAD_PASSWORD",
                "BAD_PASSWORD", "BAD_PASSWORD", "LOCKED");
    }

    @Test
    void theLockEndsAfterTheConfiguredTime() {
        Account user = newUser();
        PasswordLogin now = loginAt(Clock.systemUTC());
        for (int i = 0; i < properties.lockout().maxFailures(); i++) {
            assertThat(attempt(now, user.username(), "wrong")).isInstanceOf(
                    i < properties.lockout().maxFailures() - 1
                            ? org.springframework.security.authentication.BadCredentialsException.class
                            : AccountLockedException.class);
        }
        Duration lock = properties.lockout().duration();
        PasswordLogin almost = loginAt(Clock.offset(Clock.systemUTC(), lock.minusMinutes(1)));
        assertThat(attempt(almost, user.username(), TestAccounts.PASSWORD)).isInstanceOf(AccountLockedException.class);

        PasswordLogin later = loginAt(Clock.offset(Clock.systemUTC(), lock.plusSeconds(5)));
        assertThat(attempt(later, user.username(), TestAccounts.PASSWORD)).isInstanceOf(Authentication.class);
        Account after = accounts.byId(user.id()).orElseThrow();
        assertThat(after.failedAttempts()).isZero();
        assertThat(after.lockedUntil()).isNull();
    }

    @Test
    void aDisabledAccountCannotSignIn() throws Exception {
        Account user = newUser();
        accounts.setEnabled(user.id(), false, DataScope.all(), Instant.now());
        MvcResult result = TestAccounts.login(mvc, user.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/login").cookie(TestAccounts.session(result)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("账号已停用")));
        assertThat(results(user.username())).containsExactly("DISABLED");
    }

    @Test
    void anApiRequestWithoutSessionGets401ProblemDetails() throws Exception {
        mvc.perform(get("/api/identity/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", "application/problem+json;charset=UTF-8"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.instance").value("/api/identity/me"));
    }

    @Test
    void aPageWithoutSessionGoesToLoginAndHtmxGetsARefresh() throws Exception {
        mvc.perform(get("/system/users")).andExpect(status().isFound())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        mvc.perform(get("/system/users").header("HX-Request", "true"))
                .andExpect(header().string("HX-Refresh", "true"));
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() throws Exception {
        Account user = newUser();
        Cookie session = TestAccounts.session(TestAccounts.login(mvc, user.username(), TestAccounts.PASSWORD));
        mvc.perform(post("/account/password").cookie(session).param("currentPassword", TestAccounts.PASSWORD)
                        .param("newPassword", "Another#Pass1").param("confirmPassword", "Another#Pass1"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", user.username()).param("password", TestAccounts.PASSWORD))
                .andExpect(status().isForbidden());
        // nothing changed: the old password still works
        assertThat(encoder.matches(TestAccounts.PASSWORD, accounts.byId(user.id()).orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("default-src 'self'"),
                        org.hamcrest.Matchers.containsString("img-src 'self' data:"),
                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
        assertThat(SecurityConfiguration.contentSecurityPolicy(
                new WebSecurityProperties(List.of("https://tiles.example.org"))))
                .contains("img-src 'self' data: https://tiles.example.org;");
    }

    @Test
    void sessionsLiveInTheDatabaseAndTimeOutAfterThirtyIdleMinutes() throws Exception {
        Account user = newUser();
        TestAccounts.login(mvc, user.username(), TestAccounts.PASSWORD);
        Integer idle = jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = :u")
                .param("u", user.username()).query(Integer.class).single();
        assertThat(idle).isEqualTo(30 * 60);
    }

    private Account newUser() {
        return TestAccounts.create(accounts, encoder, "login", DataScope.Kind.REGION, "330109107201", null, false,
                "RESIDENT");
    }

    private List<String> results(String username) {
        return jdbc.sql("SELECT result FROM login_log WHERE username = :u ORDER BY id")
                .param("u", username).query(String.class).list();
    }

    private PasswordLogin loginAt(Clock clock) {
        return new PasswordLogin(accounts, new Lockout(accounts, properties, clock), log, encoder, signIn);
    }

    private static Object attempt(PasswordLogin login, String username, String password) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username,
                password);
        attempt.setDetails(new LoginDetails("10.0.0.1", "test", "test", Instant.now()));
        try {
            return login.authenticate(attempt);
        } catch (RuntimeException e) {
            return e;
        }
    }
}

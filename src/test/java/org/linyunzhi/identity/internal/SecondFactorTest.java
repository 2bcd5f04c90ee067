package org.linyunzhi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
@AutoConfigureMockMvc
class SecondFactorTest {

    private static final Pattern SECRET = Pattern.compile("<code class=\"secret\">([A-Z2-7 ]+)</code>");

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Roles roles;
    @Autowired PasswordEncoder encoder;
    @Autowired JdbcClient jdbc;

    @Test
    void enrolWithTheQrCodeThenSignInWithACode() throws Exception {
        Account user = TestAccounts.create(accounts, encoder, "totp", DataScope.Kind.ALL, "330109107", null, false,
                "AUDITOR");
        Cookie session = TestAccounts.session(TestAccounts.login(mvc, user.username(), TestAccounts.PASSWORD));

        String page = mvc.perform(get("/account/totp").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("src=\"data:image/png;base64,")))
                .andReturn().getResponse().getContentAsString();
        Matcher m = SECRET.matcher(page);
        assertThat(m.find()).isTrue();
        String secret = m.group(1).replace(" ", "");

        // a wrong code does not enrol
        mvc.perform(post("/account/totp").cookie(session).with(csrf()).param("code", "000000"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("动态码不正确")));
        assertThat(accounts.byId(user.id()).orElseThrow().totpEnabled()).isFalse();

        long step = Instant.now().getEpochSecond() / 30;
        mvc.perform(post("/account/totp").cookie(session).with(csrf()).param("code", code(secret, step)))
                .andExpect(redirectedUrl("/account"));
        Account enrolled = accounts.byId(user.id()).orElseThrow();
        assertThat(enrolled.totpEnabled()).isTrue();
        assertThat(enrolled.totpSecret()).isEqualTo(secret);

        // the password alone now leads to the code step, and nothing else is reachable
        MvcResult password = TestAccounts.login(mvc, user.username(), TestAccounts.PASSWORD);
        assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/login/totp");
        Cookie pending = TestAccounts.session(password);
        mvc.perform(get("/system/login-log").cookie(pending)).andExpect(redirectedUrl("/login/totp"));
        mvc.perform(get("/api/identity/me").cookie(pending)).andExpect(status().isUnauthorized());

        mvc.perform(post("/login/totp").cookie(pending).with(csrf()).param("code", "123456"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("动态码不正确")));
        // the code used for enrolment cannot be replayed
        mvc.perform(post("/login/totp").cookie(pending).with(csrf()).param("code", code(secret, step)))
                .andExpect(status().isOk());
        MvcResult done = mvc.perform(post("/login/totp").cookie(pending).with(csrf())
                        .param("code", code(secret, step + 1)))
                .andExpect(redirectedUrl("/")).andReturn();
        Cookie full = done.getResponse().getCookie("SESSION") != null ? TestAccounts.session(done) : pending;
        mvc.perform(get("/system/login-log").cookie(full)).andExpect(status().isOk());

        List<String> results = jdbc.sql("SELECT result FROM login_log WHERE username = :u ORDER BY id")
                .param("u", user.username()).query(String.class).list();
        assertThat(results).containsExactly("SUCCESS", "BAD_TOTP", "BAD_TOTP", "SUCCESS");
    }

    @Test
    void fiveWrongCodesLockTheAccount() throws Exception {
        Account user = TestAccounts.create(accounts, encoder, "totplock", DataScope.Kind.SELF, "330109107", null,
                false, "RESIDENT");
        accounts.enableTotp(user.id(), "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", 0, Instant.now());
        Cookie pending = TestAccounts.session(TestAccounts.login(mvc, user.username(), TestAccounts.PASSWORD));
        MvcResult last = null;
        for (int i = 0; i < 5; i++) {
            last = mvc.perform(post("/login/totp").cookie(pending).with(csrf()).param("code", "99999" + i))
                    .andReturn();
        }
        assertThat(last.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(accounts.byId(user.id()).orElseThrow().lockedUntil()).isAfter(Instant.now().plus(Duration.ofMinutes(14)));
        mvc.perform(get("/login").cookie(TestAccounts.session(last)))
                .andExpect(content().string(containsString("账号已锁定")));
    }

    @Test
    void administratorsMustEnrolWhenTheDeploymentRequiresIt() {
        SignIn strict = signIn(true);
        Account admin = TestAccounts.create(accounts, encoder, "strict", DataScope.Kind.ALL, "330109107", null, false,
                "SECURITY_ADMIN");
        Account worker = TestAccounts.create(accounts, encoder, "relaxed", DataScope.Kind.REGION, "330109107201",
                null, false, "GRID_WORKER");
        assertThat(strict.next(admin, false)).contains(LoginStep.SECOND_FACTOR_ENROLMENT);
        assertThat(strict.next(worker, false)).isEmpty();
        assertThat(signIn(false).next(admin, false)).isEmpty();

        // enrolled: the code is asked first, then nothing more
        accounts.enableTotp(admin.id(), "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", 0, Instant.now());
        Account enrolled = accounts.byId(admin.id()).orElseThrow();
        assertThat(strict.next(enrolled, false)).contains(LoginStep.SECOND_FACTOR);
        assertThat(strict.next(enrolled, true)).isEmpty();
    }

    private SignIn signIn(boolean required) {
        IdentityProperties properties = new IdentityProperties(
                new IdentityProperties.Password(8, 3, Duration.ZERO),
                new IdentityProperties.Lockout(5, Duration.ofMinutes(15)),
                new IdentityProperties.Totp(required, "Linyunzhi"));
        return new SignIn(roles, new PasswordPolicy(properties), properties,
                new StaticListableBeanFactory().getBeanProvider(java.time.Clock.class));
    }

    private static String code(String secret, long step) throws Exception {
        return new DefaultCodeGenerator().generate(secret, step);
    }
}

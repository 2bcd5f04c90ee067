package org.linyunzhi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
@AutoConfigureMockMvc
class PasswordChangeTest {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired PasswordEncoder encoder;

    @Test
    void anInitialPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        Account user = TestAccounts.create(accounts, encoder, "initial", DataScope.Kind.ALL, "330109107", null, true,
                "SYS_ADMIN");
        MvcResult login = TestAccounts.login(mvc, user.username(), TestAccounts.PASSWORD);
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
        Cookie session = TestAccounts.session(login);

        // every other page, fragment and API call leads back to the change
        mvc.perform(get("/system/users").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/system/users").header("HX-Request", "true").cookie(session))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .header().string("HX-Redirect", "/account/password"));
        mvc.perform(get("/api/identity/me").cookie(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("管理员设置的初始密码")));

        // a weak password is refused, naming each broken rule
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", TestAccounts.PASSWORD)
                        .param("newPassword", "abc").param("confirmPassword", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("密码长度不能少于 8 位")))
                .andExpect(content().string(containsString("至少 3 类")));
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", TestAccounts.PASSWORD)
                        .param("newPassword", "Fresh#Pass9").param("confirmPassword", "Fresh#Pass8"))
                .andExpect(content().string(containsString("两次输入的新密码不一致")));
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", "not-it")
                        .param("newPassword", "Fresh#Pass9").param("confirmPassword", "Fresh#Pass9"))
                .andExpect(content().string(containsString("当前密码不正确")));
        assertThat(accounts.byId(user.id()).orElseThrow().mustChangePassword()).isTrue();

        MvcResult changed = mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", TestAccounts.PASSWORD)
                        .param("newPassword", "Fresh#Pass9").param("confirmPassword", "Fresh#Pass9"))
                .andExpect(redirectedUrl("/")).andReturn();
        Cookie after = changed.getResponse().getCookie("SESSION") != null ? TestAccounts.session(changed) : session;
        Account saved = accounts.byId(user.id()).orElseThrow();
        assertThat(saved.mustChangePassword()).isFalse();
        assertThat(encoder.matches("Fresh#Pass9", saved.passwordHash())).isTrue();
        assertThat(saved.passwordHash()).startsWith("{bcrypt}");
        mvc.perform(get("/api/identity/me").cookie(after)).andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("SYS_ADMIN"));
    }

    @Test
    void theRulesAreNamedInEnglishToo() throws Exception {
        Account user = TestAccounts.create(accounts, encoder, "rules", DataScope.Kind.SELF, "330109107", null, false,
                "RESIDENT");
        Cookie session = TestAccounts.session(TestAccounts.login(mvc, user.username(), TestAccounts.PASSWORD));
        mvc.perform(post("/account/password").param("lang", "en").cookie(session).with(csrf())
                        .param("currentPassword", TestAccounts.PASSWORD)
                        .param("newPassword", "onlylowercaseletters")
                        .param("confirmPassword", "onlylowercaseletters"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("must mix at least 3 of")))
                .andExpect(content().string(not(containsString("must have at least 8 characters"))));
        mvc.perform(post("/account/password").param("lang", "en").cookie(session).with(csrf())
                        .param("currentPassword", TestAccounts.PASSWORD)
                        .param("newPassword", "Aa#" + user.username())
                        .param("confirmPassword", "Aa#" + user.username()))
                .andExpect(content().string(containsString("must not contain the user name")));
    }

    @Test
    void aVoluntaryChangeKeepsTheUserSignedInAndEndsTheirOtherSessions() throws Exception {
        Account user = TestAccounts.create(accounts, encoder, "voluntary", DataScope.Kind.SELF, "330109107", null,
                false, "RESIDENT");
        Cookie phone = TestAccounts.session(TestAccounts.login(mvc, user.username(), TestAccounts.PASSWORD));
        Cookie desk = TestAccounts.session(TestAccounts.login(mvc, user.username(), TestAccounts.PASSWORD));
        mvc.perform(post("/account/password").cookie(desk).with(csrf())
                        .param("currentPassword", TestAccounts.PASSWORD)
                        .param("newPassword", "Brand#New77").param("confirmPassword", "Brand#New77"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/account").cookie(desk)).andExpect(status().isOk())
                .andExpect(content().string(containsString("密码已修改")));
        mvc.perform(get("/account").cookie(phone)).andExpect(status().isFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .header().string("Location", containsString("/login")));
    }
}

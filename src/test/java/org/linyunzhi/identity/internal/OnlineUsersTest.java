package org.linyunzhi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@AutoConfigureMockMvc
class OnlineUsersTest {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired PasswordEncoder encoder;
    @Autowired JdbcClient jdbc;

    @Test
    void aForcedLogoutReallyEndsTheOtherSession() throws Exception {
        Account user = TestAccounts.create(accounts, encoder, "online", DataScope.Kind.REGION, "330109107201003",
                null, false, "GRID_WORKER");
        Cookie browser = TestAccounts.session(TestAccounts.login(mvc, user.username(), TestAccounts.PASSWORD));
        mvc.perform(get("/account").cookie(browser).header("User-Agent", "x")).andExpect(status().isOk());
        String sessionId = jdbc.sql("SELECT session_id FROM spring_session WHERE principal_name = :u")
                .param("u", user.username()).query(String.class).single();

        CurrentUser security = new CurrentUser(UUID.randomUUID(), "sec", "Sec", Set.of("SECURITY_ADMIN"),
                Set.of("system:online:view", "system:online:kick"), DataScope.all());
        mvc.perform(get("/system/online").with(as(security))).andExpect(status().isOk())
                .andExpect(content().string(containsString(user.username())))
                .andExpect(content().string(containsString("127.0.0.1")));

        // someone bound to another village neither sees nor ends it
        CurrentUser elsewhere = new CurrentUser(UUID.randomUUID(), "else", "Else", Set.of("SECURITY_ADMIN"),
                Set.of("system:online:view", "system:online:kick"), DataScope.region("330109107202"));
        mvc.perform(get("/system/online").with(as(elsewhere)))
                .andExpect(content().string(not(containsString(user.username()))));
        mvc.perform(post("/system/online/" + sessionId + "/end").with(as(elsewhere)).with(csrf()))
                .andExpect(status().isNotFound());
        // viewing is not ending
        CurrentUser viewer = new CurrentUser(UUID.randomUUID(), "view", "View", Set.of("SYS_ADMIN"),
                Set.of("system:online:view"), DataScope.all());
        mvc.perform(post("/system/online/" + sessionId + "/end").with(as(viewer)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/account").cookie(browser)).andExpect(status().isOk());

        mvc.perform(post("/system/online/" + sessionId + "/end").with(as(security)).with(csrf()))
                .andExpect(redirectedUrl("/system/online"));
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = :id").param("id", sessionId)
                .query(Integer.class).single()).isZero();
        mvc.perform(get("/account").cookie(browser)).andExpect(status().isFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .header().string("Location", containsString("/login")));
        mvc.perform(get("/api/identity/me").cookie(browser)).andExpect(status().isUnauthorized());
    }

    @Test
    void disablingAnAccountSignsItOut() throws Exception {
        Account user = TestAccounts.create(accounts, encoder, "disabled", DataScope.Kind.REGION, "330109107201003",
                null, false, "GRID_WORKER");
        Cookie browser = TestAccounts.session(TestAccounts.login(mvc, user.username(), TestAccounts.PASSWORD));
        CurrentUser admin = new CurrentUser(UUID.randomUUID(), "adm", "Adm", Set.of("SYS_ADMIN"),
                Set.of("system:user:view", "system:user:edit"), DataScope.all());
        mvc.perform(post("/system/users/" + user.id() + "/enabled").param("enabled", "false").with(as(admin))
                .with(csrf())).andExpect(status().isFound());
        mvc.perform(get("/api/identity/me").cookie(browser)).andExpect(status().isUnauthorized());
    }
}

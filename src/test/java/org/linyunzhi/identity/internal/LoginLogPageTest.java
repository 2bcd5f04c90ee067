package org.linyunzhi.identity.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@AutoConfigureMockMvc
class LoginLogPageTest {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired PasswordEncoder encoder;

    @Test
    void filtersByNameResultAndDayWithinTheScope() throws Exception {
        Account here = TestAccounts.create(accounts, encoder, "loghere", DataScope.Kind.REGION, "330109107201003",
                null, false, "GRID_WORKER");
        Account there = TestAccounts.create(accounts, encoder, "logthere", DataScope.Kind.REGION, "330109107202001",
                null, false, "GRID_WORKER");
        TestAccounts.login(mvc, here.username(), TestAccounts.PASSWORD);
        TestAccounts.login(mvc, here.username(), "wrong");
        TestAccounts.login(mvc, there.username(), TestAccounts.PASSWORD);

        CurrentUser auditor = new CurrentUser(UUID.randomUUID(), "aud", "Aud", Set.of("AUDITOR"),
                Set.of("system:loginlog:view"), DataScope.all());
        mvc.perform(get("/system/login-log").param("username", "log").with(as(auditor))).andExpect(status().isOk())
                .andExpect(content().string(containsString(here.username())))
                .andExpect(content().string(containsString(there.username())));
        mvc.perform(get("/system/login-log").param("username", here.username()).param("result", "BAD_PASSWORD")
                        .param("from", LocalDate.now().minusDays(1).toString())
                        .param("to", LocalDate.now().plusDays(1).toString()).with(as(auditor)))
                .andExpect(content().string(containsString("密码错误</span>")))
                .andExpect(content().string(not(containsString("成功</span>"))));
        mvc.perform(get("/system/login-log").param("username", here.username())
                        .param("to", LocalDate.now().minusDays(2).toString()).with(as(auditor)))
                .andExpect(content().string(containsString("没有符合条件的记录")));

        CurrentUser villageAdmin = new CurrentUser(UUID.randomUUID(), "va", "VA", Set.of("SECURITY_ADMIN"),
                Set.of("system:loginlog:view"), DataScope.region("330109107201"));
        mvc.perform(get("/system/login-log").param("username", "log").with(as(villageAdmin)))
                .andExpect(content().string(containsString(here.username())))
                .andExpect(content().string(not(containsString(there.username()))));

        CurrentUser worker = new CurrentUser(UUID.randomUUID(), "w", "W", Set.of("GRID_WORKER"),
                Set.of("grid:node:view"), DataScope.all());
        mvc.perform(get("/system/login-log").with(as(worker))).andExpect(status().isForbidden());
        mvc.perform(get("/system/login-log").param("result", "NOT_A_RESULT").with(as(auditor)))
                .andExpect(status().isBadRequest());
    }
}

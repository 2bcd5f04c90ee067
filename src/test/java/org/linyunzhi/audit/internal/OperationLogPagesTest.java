package org.linyunzhi.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@AutoConfigureMockMvc
class OperationLogPagesTest {

    static final CurrentUser AUDITOR = AsUser.user("auditor.li", DataScope.all(), "audit:log:view", "audit:log:verify");

    @Autowired
    MockMvc mvc;
    @Autowired
    OperationLog operationLog;

    @Test
    void theListFiltersByUserAndAnHtmxRequestGetsOnlyTheTable() throws Exception {
        String user = "pages" + System.nanoTime();
        operationLog.append(Entries.write(user, Instant.now()));

        mvc.perform(get("/audit/operations").param("user", user).with(AsUser.as(AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("class=\"topbar\"")))
                .andExpect(content().string(Matchers.containsString(user)))
                .andExpect(content().string(Matchers.containsString("grid.node.update")));

        String fragment = mvc.perform(get("/audit/operations").param("user", user).header("HX-Request", "true")
                        .with(AsUser.as(AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("id=\"operations\"", "<table", user).doesNotContain("topbar", "<nav", "<html");

        mvc.perform(get("/audit/operations").param("user", "nobody-" + System.nanoTime()).with(AsUser.as(AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("没有符合条件的记录")));
    }

    @Test
    void aFilterThatDoesNotParseIsFlaggedAndIgnored() throws Exception {
        mvc.perform(get("/audit/operations").param("from", "yesterday").param("outcome", "MAYBE").with(AsUser.as(AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("部分筛选条件格式不正确")))
                .andExpect(content().string(Matchers.containsString("value=\"yesterday\"")));
    }

    @Test
    void pagingWalksBackAndForthByRow() throws Exception {
        String user = "paging" + System.nanoTime();
        for (int i = 0; i < OperationLogController.PAGE_SIZE + 5; i++) {
            operationLog.append(Entries.write(user, Instant.now()));
        }
        String first = mvc.perform(get("/audit/operations").param("user", user).with(AsUser.as(AUDITOR)))
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains("before=").doesNotContain("after=");
        String olderUrl = first.replaceAll("(?s).*href=\"(/audit/operations\\?[^\"]*before=\\d+)\".*", "$1").replace("&amp;", "&");
        String second = mvc.perform(get(olderUrl).with(AsUser.as(AUDITOR))).andReturn().getResponse().getContentAsString();
        assertThat(second.split("<tr>").length - 2).as("rows on the second page").isEqualTo(5);
        assertThat(second).contains("after=");
    }

    @Test
    void aRowShowsInFullAndAMissingRowIs404() throws Exception {
        long seq = operationLog.append(Entries.write("detail.user", Instant.now()));
        mvc.perform(get("/audit/operations/{seq}", seq).with(AsUser.as(AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("POST grid.RegionNodeController#update")))
                .andExpect(content().string(Matchers.containsString("330109107201003")));
        mvc.perform(get("/audit/operations/{seq}", Long.MAX_VALUE).with(AsUser.as(AUDITOR)))
                .andExpect(status().isNotFound());
    }

    @Test
    void verificationRunsFromThePageAndTheApi() throws Exception {
        operationLog.append(Entries.write("verify.user", Instant.now()));
        mvc.perform(get("/audit/verify").with(AsUser.as(AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("立即校验")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("哈希链完整"))));
        String result = mvc.perform(get("/audit/verify").param("run", "true").header("HX-Request", "true")
                        .with(AsUser.as(AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(result).contains("id=\"verify-result\"", "哈希链完整").doesNotContain("topbar");

        mvc.perform(get("/api/audit/verify").with(AsUser.as(AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.firstBreak").doesNotExist())
                .andExpect(jsonPath("$.headHash").value(Matchers.matchesPattern("[0-9a-f]{64}")));
    }
}

package org.linyunzhi.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Reading the log and verifying it are separate rights; skipped until identity enables method security. */
@IntegrationTest
@AutoConfigureMockMvc
class AuditPermissionsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private void assumeMethodSecurity() throws Exception {
        assumeTrue(mvc.perform(get("/api/test/audit-probe/guarded").with(AsUser.as(AsUser.user("probe", DataScope.all()))))
                .andReturn().getResponse().getStatus() == 403, "method security is not enabled yet");
    }

    @Test
    void readingTheLogDoesNotAllowVerifyingItAndNeitherIsOpenToOthers() throws Exception {
        assumeMethodSecurity();
        CurrentUser reader = AsUser.user("log.reader", DataScope.all(), "audit:log:view");
        CurrentUser worker = AsUser.user("grid.worker", DataScope.all(), "grid:node:view");

        mvc.perform(get("/audit/operations").with(AsUser.as(reader))).andExpect(status().isOk());
        mvc.perform(get("/audit/verify").with(AsUser.as(reader))).andExpect(status().isForbidden());
        mvc.perform(get("/api/audit/verify").with(AsUser.as(reader))).andExpect(status().isForbidden());
        mvc.perform(get("/audit/operations").with(AsUser.as(worker))).andExpect(status().isForbidden());
    }

    @Test
    void aWriteRefusedByMethodSecurityIsLoggedAsRefused() throws Exception {
        assumeMethodSecurity();
        String code = "G" + System.nanoTime();
        mvc.perform(post("/api/test/audit-probe/{code}/guarded", code).with(csrf())
                        .with(AsUser.as(AsUser.user("intruder", DataScope.all()))))
                .andExpect(status().isForbidden());
        LogRow row = jdbc.sql("SELECT " + LogRow.COLUMNS + " FROM audit_operation_log WHERE path = :path")
                .param("path", "/api/test/audit-probe/" + code + "/guarded").query(LogRow::map).single();
        assertThat(row.entry().action()).isEqualTo("POST audit.AuditProbeController#guardedWrite");
        assertThat(row.entry().username()).isEqualTo("intruder");
        assertThat(row.entry().status()).isEqualTo(403);
        assertThat(row.entry().success()).isFalse();
    }
}

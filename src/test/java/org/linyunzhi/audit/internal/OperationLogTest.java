package org.linyunzhi.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@AutoConfigureMockMvc
class OperationLogTest {

    static final CurrentUser OFFICER = new CurrentUser(UUID.randomUUID(), "officer.wang", "Wang", Set.of("DEPT_OFFICER", "GRID_WORKER"),
            Set.of(), DataScope.all());

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OperationSearch search;

    @Test
    void aWriteIsLoggedWithUserHandlerRecordAndMaskedInput() throws Exception {
        String code = "R" + System.nanoTime();
        mvc.perform(post("/api/test/audit-probe/{code}", code)
                        .param("mobile", "13812345678")
                        .param("password", "Secret-123")
                        .header("User-Agent", "probe-agent/1.0")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Li Lei","password":"Secret-123","idNumber":"330102199001011234",
                                 "note":"call 13912345678 or id 33010219900101123X","nested":{"apiToken":"t0k3n"},"phone":13700001111}
                                """)
                        .with(csrf()).with(AsUser.as(OFFICER)))
                .andExpect(status().isOk());

        LogRow row = latestFor(code);
        OperationEntry e = row.entry();
        assertThat(e.userId()).isEqualTo(OFFICER.id());
        assertThat(e.username()).isEqualTo("officer.wang");
        assertThat(e.roles()).isEqualTo("DEPT_OFFICER,GRID_WORKER");
        assertThat(e.action()).isEqualTo("POST audit.AuditProbeController#save");
        assertThat(e.title()).isEqualTo("test.probe.save");
        assertThat(e.recordRef()).isEqualTo("{\"code\":\"" + code + "\"}");
        assertThat(e.params()).contains("\"password\":\"***\"").contains("138****5678").doesNotContain("13812345678");
        assertThat(e.body())
                .contains("\"password\":\"***\"", "330102********1234", "139****5678", "330102********123X",
                        "\"apiToken\":\"***\"", "137****1111", "Li Lei")
                .doesNotContain("Secret-123", "199001011234", "13912345678", "t0k3n", "13700001111");
        assertThat(e.userAgent()).isEqualTo("probe-agent/1.0");
        assertThat(e.clientIp()).isEqualTo("127.0.0.1");
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.success()).isTrue();
        assertThat(e.error()).isNull();
        assertThat(row.hashMatches()).isTrue();
    }

    @Test
    void aRefusedWriteIsLoggedWithItsOutcome() throws Exception {
        String code = "R" + System.nanoTime();
        // no CSRF token: security refuses the write before any handler runs
        mvc.perform(post("/api/test/audit-probe/{code}", code).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"hunter2\"}").with(AsUser.as(OFFICER)))
                .andExpect(status().isForbidden());

        OperationEntry e = latestFor(code).entry();
        assertThat(e.username()).isEqualTo("officer.wang");
        assertThat(e.action()).as("named like an allowed write").isEqualTo("POST audit.AuditProbeController#save");
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.success()).isFalse();
        assertThat(e.error()).isNotBlank();
        assertThat(e.body()).contains("\"password\":\"***\"").doesNotContain("hunter2");
    }

    @Test
    void aWriteToAMissingRecordIsLoggedAsNotFound() throws Exception {
        mvc.perform(post("/api/test/audit-probe/missing").contentType(MediaType.APPLICATION_JSON).content("{}")
                        .with(csrf()).with(AsUser.as(OFFICER)))
                .andExpect(status().isNotFound());

        OperationEntry e = latestFor("missing").entry();
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.success()).isFalse();
        assertThat(e.error()).contains("no record missing");
    }

    @Test
    void formPostsAreLoggedWithMaskedParametersAndUploadsByNameAndSizeOnly() throws Exception {
        String code = "R" + System.nanoTime();
        mvc.perform(post("/api/test/audit-probe/{code}/form", code).param("owner", "Han Meimei")
                        .param("idCard", "33010219900101123X").param("totpCode", "123456")
                        .with(csrf()).with(AsUser.as(OFFICER)))
                .andExpect(status().isOk());
        OperationEntry form = latestFor(code).entry();
        assertThat(form.title()).as("no @Audited: the handler names the action").isNull();
        assertThat(form.action()).isEqualTo("POST audit.AuditProbeController#form");
        assertThat(form.params()).contains("\"idCard\":\"330102********123X\"", "\"totpCode\":\"***\"", "Han Meimei")
                .doesNotContain("123456\"");

        byte[] photo = "not really a jpeg, but bytes 13812345678".getBytes();
        mvc.perform(multipart("/api/test/audit-probe/{code}/upload", code)
                        .file(new MockMultipartFile("photo", "scene.jpg", "image/jpeg", photo))
                        .with(csrf()).with(AsUser.as(OFFICER)))
                .andExpect(status().isOk());
        OperationEntry upload = latestFor(code).entry();
        assertThat(upload.files()).isEqualTo("[{\"field\":\"photo\",\"name\":\"scene.jpg\",\"size\":" + photo.length + "}]");
        assertThat(upload.body()).isNull();
        assertThat(upload.params()).isNull();
    }

    @Test
    void readsAreNotLogged() throws Exception {
        long before = lastSeq();
        mvc.perform(get("/audit/operations").with(AsUser.as(AsUser.user("auditor", DataScope.all(), "audit:log:view"))))
                .andExpect(status().isOk());
        assertThat(lastSeq()).isEqualTo(before);
    }

    private long lastSeq() {
        return jdbc.sql("SELECT last_seq FROM audit_chain_head").query(Long.class).single();
    }

    private LogRow latestFor(String code) {
        return jdbc.sql("SELECT " + LogRow.COLUMNS + " FROM audit_operation_log WHERE path LIKE :path ORDER BY seq DESC LIMIT 1")
                .param("path", "/api/test/audit-probe/" + code + "%").query(LogRow::map).single();
    }
}

package org.linyunzhi.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * A resident's ID-card and phone numbers never reach someone without registry:pii:reveal — not in
 * a page, not in API JSON, not in the export, not in an import preview — in clear or as
 * ciphertext; they are found by exact number all the same; and a reveal by someone allowed is
 * written to the operation log with who and whose.
 */
@IntegrationTest
@AutoConfigureMockMvc
class PiiProtectionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PiiCipher cipher;

    final CurrentUser viewer = AsUser.user("pii-viewer", DataScope.all(), "registry:view", "registry:import");
    final CurrentUser revealer = AsUser.user("pii-revealer", DataScope.all(), "registry:view", "registry:pii:reveal");

    UUID resident;
    UUID house;
    String region;
    String clearId;
    String clearPhone;
    List<String> forbidden;

    @BeforeEach
    void pickAResident() {
        Map<String, Object> row = jdbc.sql("SELECT id, house_id, region_code, id_cipher, phone_cipher FROM registry_resident "
                + "WHERE phone_cipher IS NOT NULL ORDER BY id LIMIT 1").query().singleRow();
        resident = (UUID) row.get("id");
        house = (UUID) row.get("house_id");
        region = (String) row.get("region_code");
        byte[] idCipher = (byte[]) row.get("id_cipher");
        byte[] phoneCipher = (byte[]) row.get("phone_cipher");
        clearId = cipher.decrypt(PiiCipher.Field.ID_NUMBER, idCipher);
        clearPhone = cipher.decrypt(PiiCipher.Field.PHONE, phoneCipher);
        forbidden = List.of(clearId, clearPhone, Base64.getEncoder().encodeToString(idCipher),
                Base64.getEncoder().encodeToString(phoneCipher), HexFormat.of().formatHex(idCipher),
                HexFormat.of().formatHex(phoneCipher), clearId.substring(0, 14));
    }

    String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    void holdsNoNumber(String what, String text) {
        for (String secret : forbidden) {
            assertThat(text).as(what).doesNotContain(secret);
        }
    }

    @Test
    void pagesApiAndExportShowOnlyMaskedNumbers() throws Exception {
        String masked = clearId.substring(0, 3) + "*".repeat(11) + clearId.substring(14);
        String maskedPhone = clearPhone.substring(0, 3) + "****" + clearPhone.substring(7);
        for (String page : List.of("/registry/residents/" + resident, "/registry/houses/" + house,
                "/registry/residents?number=" + clearId, "/registry/residents?number=" + clearPhone)) {
            String html = body(get(page).with(as(viewer)));
            holdsNoNumber(page, html);
            assertThat(html).as(page).contains(masked);
            // the viewer is not offered a reveal button
            assertThat(html).as(page).doesNotContain("/reveal");
        }
        for (String api : List.of("/api/registry/residents/" + resident, "/api/registry/houses/" + house,
                "/api/registry/residents?number=" + clearId, "/api/registry/residents?number=" + clearPhone)) {
            String json = body(get(api).with(as(viewer)));
            holdsNoNumber(api, json);
            assertThat(json).as(api).contains(masked).contains(maskedPhone);
        }
        // exact search by number finds exactly this resident
        String found = body(get("/api/registry/residents").param("number", clearPhone).with(as(viewer)));
        assertThat((List<String>) JsonPath.read(found, "$.rows[*].id")).contains(resident.toString());
        assertThat((Integer) JsonPath.read(body(get("/api/registry/residents").param("number", clearId).with(as(viewer))),
                "$.total")).isEqualTo(1);

        byte[] xlsx = mvc.perform(get("/registry/residents/export").param("region", region).with(as(viewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        StringBuilder cells = new StringBuilder();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : book.getSheetAt(0)) {
                for (Cell cell : row) {
                    cells.append(cell.toString()).append('\t');
                }
            }
        }
        holdsNoNumber("export", cells.toString());
        assertThat(cells.toString()).contains(masked).contains(maskedPhone);
    }

    @Test
    void anImportPreviewShowsConflictingPhonesMasked() throws Exception {
        String address = jdbc.sql("SELECT address FROM registry_house WHERE id = :id").param("id", house)
                .query(String.class).single();
        String name = jdbc.sql("SELECT name FROM registry_resident WHERE id = :id").param("id", resident)
                .query(String.class).single();
        String newPhone = "13900001111".equals(clearPhone) ? "13900002222" : "13900001111";
        byte[] template;
        template = mvc.perform(get("/api/registry/imports/templates/RESIDENT").with(as(viewer))).andReturn()
                .getResponse().getContentAsByteArray();
        byte[] file = Sheets.fill(template, List.of(List.of(name, clearId, newPhone, address, "", "")));
        String id = JsonPath.read(mvc.perform(multipart("/api/registry/imports")
                        .file(new MockMultipartFile("file", "r.xlsx", "application/octet-stream", file))
                        .param("kind", "RESIDENT").param("department", "CIVIL_AFFAIRS").with(as(viewer)).with(csrf()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
        String[] job = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            job[0] = body(get("/api/registry/imports/" + id).with(as(viewer)));
            return !"PARSING".equals(JsonPath.read(job[0], "$.status"));
        });
        assertThat((String) JsonPath.read(job[0], "$.preview.conflicts[0].field")).isEqualTo("phone");
        assertThat((String) JsonPath.read(job[0], "$.preview.conflicts[0].incoming")).isEqualTo("139****" + newPhone.substring(7));
        holdsNoNumber("preview JSON", job[0]);
        assertThat(job[0]).doesNotContain(newPhone);
        String page = body(get("/registry/imports/" + id).with(as(viewer)));
        holdsNoNumber("preview page", page);
        assertThat(page).doesNotContain(newPhone);
        mvc.perform(post("/api/registry/imports/" + id + "/cancel").with(as(viewer)).with(csrf()))
                .andExpect(status().isNoContent());
    }

    @Test
    void onlyTheRevealPermissionRevealsAndEveryRevealIsAudited() throws Exception {
        mvc.perform(post("/api/registry/residents/" + resident + "/reveal").with(as(viewer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"ID_NUMBER\"}"))
                .andExpect(status().isForbidden());
        String refused = mvc.perform(post("/registry/residents/" + resident + "/reveal").param("field", "PHONE")
                .with(as(viewer)).with(csrf())).andExpect(status().isForbidden()).andReturn().getResponse()
                .getContentAsString();
        holdsNoNumber("refused reveal", refused);

        // the permitted user sees the button, and gets the clear number from it
        assertThat(body(get("/registry/residents/" + resident).with(as(revealer)))).contains("/reveal");
        mvc.perform(post("/api/registry/residents/" + resident + "/reveal").with(as(revealer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"ID_NUMBER\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.value").value(clearId));
        assertThat(body(post("/registry/residents/" + resident + "/reveal").param("field", "PHONE")
                .with(as(revealer)).with(csrf()))).contains(clearPhone);
        mvc.perform(post("/api/registry/residents/" + resident + "/reveal").with(as(revealer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"PASSPORT\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("field"));

        // the operation log says who revealed whose number, and keeps no clear number itself
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Map<String, Object>> log = jdbc.sql("SELECT username, path, body, success FROM audit_operation_log "
                    + "WHERE title = 'registry.pii.reveal' AND path LIKE :path ORDER BY seq")
                    .param("path", "%" + resident + "%").query().listOfRows();
            assertThat(log).filteredOn(r -> "pii-revealer".equals(r.get("username")) && Boolean.TRUE.equals(r.get("success")))
                    .hasSize(2);
            assertThat(log).filteredOn(r -> "pii-viewer".equals(r.get("username"))).hasSize(2)
                    .allSatisfy(r -> assertThat(r.get("success")).isEqualTo(false));
            log.forEach(r -> holdsNoNumber("audit row", String.valueOf(r)));
        });
    }

    @Test
    void residentsOutsideTheScopeAreNotFound() throws Exception {
        // a village other than the resident's
        String otherVillage = region.startsWith("330109107001") ? "330109107002" : "330109107001";
        CurrentUser outsider = AsUser.user("pii-outsider", DataScope.region(otherVillage), "registry:view",
                "registry:pii:reveal");
        mvc.perform(get("/api/registry/residents/" + resident).with(as(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/registry/residents/" + resident).with(as(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/registry/houses/" + house).with(as(outsider))).andExpect(status().isNotFound());
        mvc.perform(post("/api/registry/residents/" + resident + "/reveal").with(as(outsider)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"PHONE\"}"))
                .andExpect(status().isNotFound());
        assertThat((Integer) JsonPath.read(body(get("/api/registry/residents").param("number", clearId)
                .with(as(outsider))), "$.total")).isZero();
        // bad filters answer 400 naming the parameter
        mvc.perform(get("/api/registry/residents").param("number", "12345").with(as(outsider)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("number"));
        mvc.perform(get("/api/registry/houses").param("region", "33%").with(as(outsider)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("region"));
        mvc.perform(get("/registry/houses").param("region", "33%").with(as(outsider)))
                .andExpect(status().isBadRequest());
    }
}

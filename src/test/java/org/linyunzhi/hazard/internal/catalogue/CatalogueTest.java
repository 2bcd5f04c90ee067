package org.linyunzhi.hazard.internal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.Location;
import org.linyunzhi.hazard.internal.hazards.HazardIntake;
import org.linyunzhi.hazard.internal.hazards.HazardRefused;
import org.linyunzhi.hazard.internal.hazards.HazardReport;
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
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue on the real database: the default catalogue is complete; every edit publishes a version
 * and hazards keep the one they were filed under; .xlsx files built here with POI import all or nothing,
 * each bad row reported; an export imports back unchanged. Test categories use groups 9x of PO.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CatalogueTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Catalogue catalogue;
    @Autowired
    HazardIntake intake;
    @Autowired
    GridApi grid;

    final CurrentUser admin = AsUser.user("hz-admin-" + UUID.randomUUID(), DataScope.all(), "hazard:view",
            "hazard:catalogue:edit");

    @Test
    void theDefaultCatalogueHasFiveClassesAnd230Categories() {
        List<Category> all = catalogue.categories();
        assertThat(catalogue.classes()).extracting(HazardClass::nameZh).containsExactly("社会面管控风险", "社会稳定风险",
                "公共安全风险", "网络安全风险", "网络舆情风险");
        List<Category> seeded = all.stream().filter(c -> !c.code().matches("..-9\\d-...")).toList();
        assertThat(seeded).hasSize(230);
        assertThat(seeded).extracting(Category::classCode).containsOnly("SOCIAL_CONTROL", "SOCIAL_STABILITY",
                "PUBLIC_SAFETY", "CYBER_SECURITY", "PUBLIC_OPINION");
        assertThat(seeded).extracting(c -> c.defaultLevel().number()).contains(1, 2, 3, 4, 5);
        assertThat(seeded).allSatisfy(c -> {
            assertThat(c.department()).isNotBlank();
            assertThat(c.timeLimitDays()).isBetween(1, 365);
            assertThat(c.description()).isNotBlank();
        });
        assertThat(jdbc.sql("SELECT source FROM hazard_catalogue_version WHERE version = 1").query(String.class).single())
                .isEqualTo("SEED");
    }

    @Test
    void anEditPublishesAVersionAndHazardsKeepTheVersionTheyWereFiledUnder() throws Exception {
        save("PO-91-001", "网络直播带货虚假宣传", "2", "市场监管所", "5", "true").andExpect(status().isOk())
                .andExpect(jsonPath("$.added").value(1));
        int v1 = catalogue.currentVersion();
        double[] at = somewhereInTown();
        UUID first = intake.report(report("PO-91-001", at), null).id();

        save("PO-91-001", "网络直播虚假宣传", "3", "市场监管所", "10", "true").andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(v1 + 1)).andExpect(jsonPath("$.changed").value(1));
        save("PO-91-001", "网络直播虚假宣传", "3", "市场监管所", "10", "true").andExpect(status().isOk())
                .andExpect(jsonPath("$.version").isEmpty());
        UUID second = intake.report(report("PO-91-001", at), null).id();

        assertThat(filedUnder(first)).isEqualTo(v1);
        assertThat(filedUnder(second)).isEqualTo(v1 + 1);
        assertThat(level(first)).isEqualTo(2);
        assertThat(level(second)).isEqualTo(3);
        assertThat(catalogue.categoryAsOf("PO-91-001", v1)).get().extracting(Category::name).isEqualTo("网络直播带货虚假宣传");
        JsonNode changes = json.readTree(mvc.perform(get("/api/hazard/catalogue/versions/{v}", v1 + 1).with(as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).get("kind").asText()).isEqualTo("CHANGED");
        assertThat(changes.get(0).get("before").get("timeLimitDays").asInt()).isEqualTo(5);
        assertThat(changes.get(0).get("after").get("timeLimitDays").asInt()).isEqualTo(10);
        mvc.perform(get("/hazard/catalogue/versions/{v}", v1 + 1).with(as(admin))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("5 → 10")));

        save("PO-91-001", "网络直播虚假宣传", "3", "市场监管所", "10", "false").andExpect(jsonPath("$.deactivated").value(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> intake.report(report("PO-91-001", at), null))
                .isInstanceOfSatisfying(HazardRefused.class, e -> assertThat(e.field()).isEqualTo("categoryCode"));
    }

    @Test
    void badEditsAreRefusedNamingTheField() throws Exception {
        save("PS-3-12", "x", "2", "应急管理办", "5", "true").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("code"));
        save("PO-91-002", "x", "6", "应急管理办", "5", "true").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("level"));
        save("PO-91-002", "x", "2", "应急管理办", "0", "true").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("days"));
        CurrentUser viewer = AsUser.user("hz-viewer-" + UUID.randomUUID(), DataScope.all(), "hazard:view");
        mvc.perform(post("/api/hazard/catalogue/categories").contentType(MediaType.APPLICATION_JSON).content("{}")
                .with(csrf()).with(as(viewer))).andExpect(status().isForbidden());
        assertThat(catalogue.category("PO-91-002")).isEmpty();
    }

    @Test
    void aCleanWorkbookImportsAsOneVersion() throws Exception {
        int before = catalogue.currentVersion();
        Category existing = catalogue.category("SC-01-001").orElseThrow();
        byte[] file = workbook(
                new String[] {"PO-92-001", "网络水军刷评", "3", "党政办", "2", "有组织地发布虚假评论", "是"},
                new String[] {"PO-92-002", "网络暴力事件", "3", "派出所", "1", "", ""},
                new String[] {existing.code(), existing.name(), "" + existing.defaultLevel().number(),
                        existing.department(), "" + existing.timeLimitDays(), existing.description(), "是"});
        upload(file).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(before + 1))
                .andExpect(jsonPath("$.rows").value(3)).andExpect(jsonPath("$.added").value(2))
                .andExpect(jsonPath("$.changed").value(0));
        assertThat(catalogue.category("PO-92-002")).get().extracting(Category::timeLimitDays).isEqualTo(1);
        assertThat(jdbc.sql("SELECT source FROM hazard_catalogue_version WHERE version = :v").param("v", before + 1)
                .query(String.class).single()).isEqualTo("IMPORT");
    }

    @Test
    void aWorkbookWithBadRowsReportsEachAndWritesNothing() throws Exception {
        int before = catalogue.currentVersion();
        byte[] file = workbook(
                new String[] {"PO-93-001", "合格的一行", "2", "党政办", "3", "", "是"},
                new String[] {"PO-93", "编码不对", "2", "党政办", "3", "", "是"},
                new String[] {"PO-93-003", "等级不对", "7", "党政办", "3", "", "是"},
                new String[] {"PO-93-004", "", "2", "", "abc", "", "也许"},
                new String[] {"PO-93-001", "重复编码", "2", "党政办", "3", "", "是"});
        JsonNode report = json.readTree(upload(file).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString());
        assertThat(report.get("version").isNull()).isTrue();
        List<String> problems = new java.util.ArrayList<>();
        report.get("problems").forEach(p -> problems.add(p.get("row").asInt() + ":" + p.get("problem").get("field").asText()));
        assertThat(problems).containsExactlyInAnyOrder("3:code", "4:level", "5:name", "5:department", "5:days",
                "5:active", "6:code");
        assertThat(catalogue.currentVersion()).isEqualTo(before);
        assertThat(catalogue.category("PO-93-001")).isEmpty();

        // the page shows the same report, row by row
        mvc.perform(multipart("/hazard/catalogue/import").file(new MockMultipartFile("file", "bad.xlsx", XLSX, file))
                        .with(csrf()).with(as(admin))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("import-problems")));
        upload("not a workbook".getBytes()).andExpect(status().isBadRequest()).andExpect(jsonPath("$.unreadable").value(true));
    }

    @Test
    void anExportImportsBackWithoutANewVersion() throws Exception {
        int before = catalogue.currentVersion();
        byte[] exported = mvc.perform(get("/api/hazard/catalogue/export.xlsx").with(as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(catalogue.categories().size());
        }
        upload(exported).andExpect(status().isOk()).andExpect(jsonPath("$.version").isEmpty());
        assertThat(catalogue.currentVersion()).isEqualTo(before);
        mvc.perform(get("/hazard/catalogue/template.xlsx").with(as(admin))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentType(XLSX));
    }

    ResultActions save(String code, String name, String level, String department, String days, String active)
            throws Exception {
        String body = json.writeValueAsString(java.util.Map.of("code", code, "name", name, "level", level,
                "department", department, "days", days, "description", "test", "active", active));
        return mvc.perform(post("/api/hazard/catalogue/categories").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(csrf()).with(as(admin)));
    }

    ResultActions upload(byte[] file) throws Exception {
        return mvc.perform(multipart("/api/hazard/catalogue/import").file(new MockMultipartFile("file", "c.xlsx", XLSX, file))
                .with(csrf()).with(as(admin)));
    }

    static byte[] workbook(String[]... rows) throws Exception {
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("目录");
            Row head = sheet.createRow(0);
            String[] header = {"编码", "类别名称", "默认等级", "责任部门", "整改时限", "说明", "启用"};
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows[r].length; i++) {
                    if (i == 2 && rows[r][i].matches("\\d+")) {
                        row.createCell(i).setCellValue(Integer.parseInt(rows[r][i])); // numbers as Excel stores them
                    } else {
                        row.createCell(i).setCellValue(rows[r][i]);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    HazardReport report(String category, double[] at) {
        return new HazardReport("直播间虚假宣传", null, category, null, "INSPECTION", null, null, null, null, null,
                at[0], at[1], List.of(), Instant.now().minusSeconds(60));
    }

    double[] somewhereInTown() {
        for (double lat = 30.0; lat < 30.12; lat += 0.003) {
            Location l = grid.locate(120.25, lat);
            if (l.found()) {
                return new double[] {120.25, lat};
            }
        }
        throw new IllegalStateException("no point in town");
    }

    int filedUnder(UUID hazard) {
        return jdbc.sql("SELECT catalogue_version FROM hazard_hazard WHERE id = :id").param("id", hazard)
                .query(Integer.class).single();
    }

    int level(UUID hazard) {
        return jdbc.sql("SELECT level FROM hazard_hazard WHERE id = :id").param("id", hazard).query(Integer.class).single();
    }
}

package org.linyunzhi.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.registry.PlaceFilter;
import org.linyunzhi.registry.PlaceKind;
import org.linyunzhi.registry.RegistryApi;
import org.linyunzhi.registry.RegistryPlace;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Department files in and out of the registry with real .xlsx files written by POI into the
 * downloaded templates: a clean file is previewed and written only on commit; a file with bad rows
 * reports each (row, column, why) and writes nothing; a file that disagrees with stored records
 * lists the conflicts and merges only on commit; files that are not templates are refused at once.
 */
@IntegrationTest
@AutoConfigureMockMvc
class RegistryImportTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    MockMvc mvc;

    @Autowired
    RegistryApi registry;

    @Autowired
    GridApi grid;

    @Autowired
    JdbcClient jdbc;

    final CurrentUser importer = AsUser.user("registry-importer", DataScope.all(), "registry:view", "registry:import");

    byte[] template(String kind) throws Exception {
        return mvc.perform(get("/api/registry/imports/templates/" + kind).with(as(importer)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(RegistryApiController.XLSX))
                .andReturn().getResponse().getContentAsByteArray();
    }

    String upload(String kind, String department, byte[] file) throws Exception {
        String body = mvc.perform(multipart("/api/registry/imports")
                        .file(new MockMultipartFile("file", kind.toLowerCase() + ".xlsx", RegistryApiController.XLSX.toString(), file))
                        .param("kind", kind).param("department", department).with(as(importer)).with(csrf()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    /** Polls the job as the page does until its check is done; returns the job's JSON. */
    String analysed(String id) {
        String[] json = new String[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            json[0] = mvc.perform(get("/api/registry/imports/" + id).with(as(importer)))
                    .andReturn().getResponse().getContentAsString();
            return !"PARSING".equals(JsonPath.read(json[0], "$.status"));
        });
        return json[0];
    }

    List<RegistryPlace> houses(int n) {
        return registry.places(PlaceFilter.of(PlaceKind.HOUSE), 4000).subList(0, n);
    }

    int housesAt(String address) {
        return jdbc.sql("SELECT count(*) FROM registry_house WHERE address_key = :k").param("k", Addresses.key(address))
                .query(Integer.class).single();
    }

    @Test
    void aCleanFileIsPreviewedThenWrittenOnCommit() throws Exception {
        String village = "临浦镇清白村" + UUID.randomUUID().toString().substring(0, 6);
        List<RegistryPlace> at = houses(3);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(List.of(village + (i + 1) + "号", at.get(i).lon(), at.get(i).lat(), i == 2 ? "商铺" : "RESIDENTIAL",
                    i == 1 ? "是" : "否"));
        }
        String id = upload("HOUSE", "HOUSING", Sheets.fill(template("HOUSE"), rows));
        String job = analysed(id);
        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("READY");
        assertThat((Integer) JsonPath.read(job, "$.preview.added")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(job, "$.preview.problemCount")).isZero();
        // previewing writes nothing
        assertThat(housesAt(village + "1号")).isZero();

        mvc.perform(post("/api/registry/imports/" + id + "/commit").with(as(importer)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.added").value(3));
        var stored = jdbc.sql("SELECT house_use, rented, region_code, sources[1] AS source FROM registry_house "
                + "WHERE address_key = :k").param("k", Addresses.key(village + "2号")).query().singleRow();
        assertThat(stored.get("house_use")).isEqualTo("RESIDENTIAL");
        assertThat(stored.get("rented")).isEqualTo(true);
        assertThat(stored.get("region_code")).isEqualTo(grid.locate(at.get(1).lon(), at.get(1).lat()).microGrid().code());
        assertThat(stored.get("source")).isEqualTo("HOUSING");
        assertThat(housesAt(village + "3号")).isOne();
        // a second commit of the same job is refused
        mvc.perform(post("/api/registry/imports/" + id + "/commit").with(as(importer)).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void badRowsAreEachReportedAndNothingIsWritten() throws Exception {
        String village = "临浦镇错行村" + UUID.randomUUID().toString().substring(0, 6);
        RegistryPlace at = houses(1).get(0);
        List<List<Object>> houseRows = List.of(
                List.of(village + "1号", at.lon(), at.lat(), "住宅", "否"),
                java.util.Arrays.asList(null, at.lon(), at.lat(), "住宅", "否"),
                List.of(village + "3号", at.lon(), 95.0, "住宅", "否"),
                List.of(village + "4号", "东经120度", at.lat(), "住宅", "否"),
                List.of(village + "5号", 121.9, 31.5, "城堡", "也许"));
        String houses = upload("HOUSE", "HOUSING", Sheets.fill(template("HOUSE"), houseRows));
        String job = analysed(houses);
        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("INVALID");
        Object problems = JsonPath.read(job, "$.preview.problems[*]['row','column','code']");
        assertThat(problems.toString())
                .contains("{\"row\":3,\"column\":\"address\",\"code\":\"registry.row.required\"}")
                .contains("{\"row\":4,\"column\":\"lat\",\"code\":\"registry.row.coordinateRange\"}")
                .contains("{\"row\":5,\"column\":\"lon\",\"code\":\"registry.row.notNumber\"}")
                .contains("{\"row\":6,\"column\":\"use\",\"code\":\"registry.row.unknownValue\"}")
                .contains("{\"row\":6,\"column\":\"rented\",\"code\":\"registry.row.yesNo\"}")
                .contains("{\"row\":6,\"column\":\"lon\",\"code\":\"registry.row.outsideTown\"}")
                .doesNotContain("\"row\":2,");
        mvc.perform(post("/api/registry/imports/" + houses + "/commit").with(as(importer)).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(housesAt(village + "1号")).as("not even the good row").isZero();

        String existing = jdbc.sql("SELECT address FROM registry_house LIMIT 1").query(String.class).single();
        List<List<Object>> residentRows = List.of(
                List.of("张三", badCheck("33010919900101123"), "13812345678", existing, "", ""),
                List.of("李四", valid("33010919900101124"), "13812345678", village + "9号", "", ""),
                List.of("王五", "11010519491231002X", "1381234", existing, "", "独居老人"),
                List.of("赵六", "440524188001010014", "", existing, "", "外星人"),
                List.of("", "", "", "", "", "退役军人"));
        String residents = upload("RESIDENT", "PUBLIC_SECURITY", Sheets.fill(template("RESIDENT"), residentRows));
        String rjob = analysed(residents);
        assertThat((String) JsonPath.read(rjob, "$.status")).isEqualTo("INVALID");
        Object rproblems = JsonPath.read(rjob, "$.preview.problems[*]['row','column','code']");
        assertThat(rproblems.toString())
                .contains("{\"row\":2,\"column\":\"idNumber\",\"code\":\"registry.row.idNumber.CHECKSUM\"}")
                .contains("{\"row\":3,\"column\":\"address\",\"code\":\"registry.row.noHouse\"}")
                .contains("{\"row\":4,\"column\":\"phone\",\"code\":\"registry.row.phone\"}")
                .contains("{\"row\":5,\"column\":\"tags\",\"code\":\"registry.row.unknownValue\"}")
                .contains("{\"row\":6,\"column\":\"name\",\"code\":\"registry.row.required\"}")
                .contains("{\"row\":6,\"column\":\"idNumber\",\"code\":\"registry.row.required\"}")
                .contains("{\"row\":6,\"column\":\"address\",\"code\":\"registry.row.required\"}");
        assertThat(jdbc.sql("SELECT count(*) FROM registry_resident WHERE name IN ('王五', '赵六')")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void conflictsAreReportedAndMergedOnlyOnCommit() throws Exception {
        RegistryPlace hostel = registry.places(new PlaceFilter(PlaceKind.ORGANISATION, Set.of("ACCOMMODATION"), null, null,
                null, null, null, null), 1).get(0);
        String code = jdbc.sql("SELECT credit_code FROM registry_organisation WHERE id = :id").param("id", hostel.id())
                .query(String.class).single();
        String newCode = freshCreditCode();
        List<List<Object>> rows = List.of(
                List.of(hostel.name() + "（新址）", code, "ACCOMMODATION", hostel.address(), hostel.lon(), hostel.lat()),
                List.of("临浦测试客栈", newCode, "住宿（民宿/旅馆）", "临浦镇测试路1号", hostel.lon(), hostel.lat()));
        String id = upload("ORGANISATION", "EMERGENCY", Sheets.fill(template("ORGANISATION"), rows));
        String job = analysed(id);
        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("READY");
        assertThat((Integer) JsonPath.read(job, "$.preview.added")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(job, "$.preview.merged")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(job, "$.preview.conflictingRows")).isEqualTo(1);
        assertThat((String) JsonPath.read(job, "$.preview.conflicts[0].field")).isEqualTo("name");
        assertThat((String) JsonPath.read(job, "$.preview.conflicts[0].stored")).isEqualTo(hostel.name());
        assertThat((String) JsonPath.read(job, "$.preview.conflicts[0].incoming")).isEqualTo(hostel.name() + "（新址）");
        assertThat((String) JsonPath.read(job, "$.preview.conflicts[0].department")).isEqualTo("EMERGENCY");
        assertThat((List<String>) JsonPath.read(job, "$.preview.conflicts[0].storedSources")).isNotEmpty()
                .doesNotContain("EMERGENCY");
        // nothing changes before the commit
        assertThat(registry.place(hostel.id()).orElseThrow().name()).isEqualTo(hostel.name());

        // the preview page shows the same conflict
        mvc.perform(get("/registry/imports/" + id).with(as(importer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(hostel.name() + "（新址）")));

        mvc.perform(post("/api/registry/imports/" + id + "/commit").with(as(importer)).with(csrf()))
                .andExpect(status().isOk());
        assertThat(registry.place(hostel.id()).orElseThrow().name()).isEqualTo(hostel.name() + "（新址）");
        List<String> sources = jdbc.sql("SELECT unnest(sources) FROM registry_organisation WHERE id = :id")
                .param("id", hostel.id()).query(String.class).list();
        assertThat(sources).contains("EMERGENCY").hasSizeGreaterThan(1);
        assertThat(jdbc.sql("SELECT org_type FROM registry_organisation WHERE credit_code = :c").param("c", newCode)
                .query(String.class).single()).isEqualTo("ACCOMMODATION");
    }

    @Test
    void filesThatAreNotTemplatesAreRefusedAtOnce() throws Exception {
        refused("HOUSE", "just some text".getBytes(), 400, "不是有效的 Excel");
        refused("HOUSE", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}, 400, ".xls");
        refused("RESIDENT", template("HOUSE"), 400, "表头与模板不一致");
        refused("HOUSE", Sheets.withLastRow(template("HOUSE"), 60_000), 413, "60,000");
        mvc.perform(multipart("/api/registry/imports")
                        .file(new MockMultipartFile("file", "h.xlsx", "application/octet-stream", template("HOUSE")))
                        .param("kind", "HOUSE").param("department", "FIRE_BRIGADE").with(as(importer)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("department"));
        // the page answers the same file with the reason beside the form
        mvc.perform(multipart("/registry/imports")
                        .file(new MockMultipartFile("file", "notes.txt", "text/plain", "hello".getBytes()))
                        .param("kind", "HOUSE").param("department", "HOUSING").with(as(importer)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不是有效的 Excel")));
        // without the permission there is no import at all
        CurrentUser viewer = AsUser.user("registry-viewer", DataScope.all(), "registry:view");
        mvc.perform(multipart("/api/registry/imports")
                        .file(new MockMultipartFile("file", "h.xlsx", "application/octet-stream", template("HOUSE")))
                        .param("kind", "HOUSE").param("department", "HOUSING").with(as(viewer)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    void refused(String kind, byte[] file, int status, String detail) throws Exception {
        mvc.perform(multipart("/api/registry/imports")
                        .file(new MockMultipartFile("file", "upload.xlsx", "application/octet-stream", file))
                        .param("kind", kind).param("department", "HOUSING").with(as(importer)).with(csrf())
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString(detail)));
    }

    @Test
    void twentyThousandRowsAreCheckedWithProgressAndCommittedInOneGo() throws Exception {
        String village = "临浦镇万行村" + UUID.randomUUID().toString().substring(0, 6) + "-";
        List<RegistryPlace> at = houses(3000);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            RegistryPlace p = at.get(i % at.size());
            rows.add(List.of(village + (i + 1) + "号", p.lon(), p.lat(), "住宅", i % 5 == 0 ? "是" : "否"));
        }
        byte[] file = Sheets.fill(template("HOUSE"), rows);
        long started = System.nanoTime();
        String id = upload("HOUSE", "HOUSING", file);
        int[] seen = {0};
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            String json = mvc.perform(get("/api/registry/imports/" + id).with(as(importer)))
                    .andReturn().getResponse().getContentAsString();
            assertThat((Integer) JsonPath.read(json, "$.totalRows")).isEqualTo(20_000);
            seen[0] = Math.max(seen[0], (Integer) JsonPath.read(json, "$.processedRows"));
            return !"PARSING".equals(JsonPath.read(json, "$.status"));
        });
        long checked = System.nanoTime();
        mvc.perform(post("/api/registry/imports/" + id + "/commit").with(as(importer)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.added").value(20_000));
        long committed = System.nanoTime();
        try {
            assertThat(jdbc.sql("SELECT count(*) FROM registry_house WHERE address LIKE :v").param("v", village + "%")
                    .query(Integer.class).single()).isEqualTo(20_000);
            System.out.printf("registry import of 20,000 houses: file %d KB, upload+check %d ms, commit %d ms%n",
                    file.length / 1024, (checked - started) / 1_000_000, (committed - checked) / 1_000_000);
        } finally {
            // the shared demo town keeps its size for the other tests
            jdbc.sql("DELETE FROM registry_house WHERE address LIKE :v").param("v", village + "%").update();
        }
    }

    static String valid(String first17) {
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    static String badCheck(String first17) {
        char right = IdCardNumber.checkCharacter(first17);
        return first17 + (right == '0' ? '1' : '0');
    }

    /** A valid credit code no demo organisation has. */
    String freshCreditCode() {
        String first17 = "91330109" + String.format("%09d", (long) (Math.random() * 1_000_000_000L));
        return first17 + CreditCode.checkCharacter(first17);
    }
}

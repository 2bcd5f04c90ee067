package org.linyunzhi.hazard.internal.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.UserDirectory;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A grid worker's visits: a failed item reported as a hazard (routed, with the campaign, the visit and
 * the place), a second visit that keeps the first in the history, an unanswered item refused with
 * nothing written, a point outside the worker's grid "not found", and 综合查一次: two campaigns at one
 * place answered in one visit, each department reading only its own findings.
 */
@IntegrationTest
@AutoConfigureMockMvc
class VisitTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    CampaignIssuing issuing;

    @Autowired
    org.linyunzhi.grid.GridApi grid;

    @Autowired
    org.linyunzhi.registry.RegistryApi registry;

    String category() {
        return jdbc.sql("SELECT code FROM hazard_category WHERE active ORDER BY code LIMIT 1").query(String.class).single();
    }

    /** A campaign over the houses of the grid worker's grid; answers its first point. */
    private UUID firstPointOfNewCampaign(CurrentUser worker, String name) throws Exception {
        CurrentUser officer = InspectionFixtures.user(users, "officer", InspectionFixtures.OFFICER);
        UserDirectory.Person gridworker = users.byUsername("gridworker").orElseThrow();
        String microGrid = InspectionFixtures.freeMicroGrid(jdbc, grid, registry, gridworker.regionCode());
        var created = issuing.create(InspectionFixtures.campaign(name, null,
                InspectionFixtures.region("HOUSE", microGrid),
                new CampaignRequest.Item("Stairs free of stored goods", null, category()),
                new CampaignRequest.Item("No e-bike charging indoors", null, null)), officer);
        return InspectionFixtures.lonePoint(jdbc, created.campaign().id());
    }

    private List<UUID> items(UUID pointId) {
        return jdbc.sql("""
                SELECT i.id FROM hazard_checklist_item i JOIN hazard_inspection_point p ON p.campaign_id = i.campaign_id
                 WHERE p.id = :p ORDER BY i.position""").param("p", pointId).query(UUID.class).list();
    }

    @Test
    void aFailedItemIsReportedAsAHazardAndASecondVisitKeepsTheHistory() throws Exception {
        CurrentUser worker = InspectionFixtures.user(users, "gridworker", InspectionFixtures.WORKER);
        UUID point = firstPointOfNewCampaign(worker, "Stairs and e-bikes " + System.nanoTime());
        List<UUID> items = items(point);

        mvc.perform(get("/api/hazard/inspections/points").with(as(worker))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.point.id == '%s')]".formatted(point)).exists());
        JsonNode form = json.readTree(mvc.perform(get("/api/hazard/inspections/points/{id}", point).with(as(worker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(form.get("mergedPoints").size()).isEqualTo(1);

        String body = """
                {"lon":%s,"lat":%s,"note":"Owner present","answers":{
                  "%s":{"passed":false,"note":"Boxes block the stairs","reportHazard":true},
                  "%s":{"passed":true}}}""".formatted(120.25, 30.05, items.get(0), items.get(1));
        JsonNode recorded = json.readTree(mvc.perform(post("/api/hazard/inspections/points/{id}/visits", point)
                        .with(as(worker)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        UUID hazard = UUID.fromString(recorded.get("hazardIds").get(0).asString());
        UUID inspection = UUID.fromString(recorded.get("inspectionId").asString());

        Map<String, Object> h = jdbc.sql("""
                SELECT h.source, h.source_ref, h.campaign_id, h.inspection_id, h.place_id, h.category_code, h.region_code,
                       p.place_id AS point_place, p.campaign_id AS point_campaign, c.code
                  FROM hazard_hazard h, hazard_inspection_point p JOIN hazard_campaign c ON c.id = p.campaign_id
                 WHERE h.id = :h AND p.id = :p""").param("h", hazard).param("p", point).query().singleRow();
        assertThat(h.get("source")).isEqualTo("INSPECTION");
        assertThat(h.get("source_ref")).isEqualTo(h.get("code"));
        assertThat(h.get("campaign_id")).isEqualTo(h.get("point_campaign"));
        assertThat(h.get("inspection_id")).isEqualTo(inspection);
        assertThat(h.get("place_id")).isEqualTo(h.get("point_place"));
        assertThat(h.get("category_code")).isEqualTo(category());
        assertThat(jdbc.sql("SELECT result FROM hazard_inspection_point WHERE id = :p").param("p", point)
                .query(String.class).single()).isEqualTo("FAIL");
        assertThat(jdbc.sql("SELECT hazard_id FROM hazard_inspection_finding WHERE inspection_id = :i AND NOT passed")
                .param("i", inspection).query(UUID.class).single()).isEqualTo(hazard);

        // the page form: a re-visit after the repair, with a photo, passes and keeps the first visit
        mvc.perform(multipart("/hazard/inspection/points/{id}", point)
                        .file(new MockMultipartFile("photos", "stairs.png", "image/png", TestImages.png()))
                        .param("r_" + items.get(0), "PASS").param("r_" + items.get(1), "PASS")
                        .param("lon", "120.25").param("lat", "30.05")
                        .with(as(worker)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/hazard/inspection/my"));
        assertThat(jdbc.sql("SELECT result || visits FROM hazard_inspection_point WHERE id = :p").param("p", point)
                .query(String.class).single()).isEqualTo("PASS2");
        JsonNode again = json.readTree(mvc.perform(get("/api/hazard/inspections/points/{id}", point).with(as(worker)))
                .andReturn().getResponse().getContentAsString());
        assertThat(again.get("history").size()).isEqualTo(2);
        JsonNode photos = again.get("history").get(0).get("photoIds");
        assertThat(photos.size()).isEqualTo(1);
        mvc.perform(get("/hazard/inspection/photos/{id}", photos.get(0).asString()).with(as(worker)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().bytes(TestImages.png()));
        assertThat(again.get("history").get(1).get("result").asString()).isEqualTo("FAIL");
    }

    @Test
    void refusalsWriteNothingAndAnotherGridsPointIsNotFound() throws Exception {
        CurrentUser worker = InspectionFixtures.user(users, "gridworker", InspectionFixtures.WORKER);
        UUID point = firstPointOfNewCampaign(worker, "Refusals " + System.nanoTime());
        List<UUID> items = items(point);
        int visits = jdbc.sql("SELECT count(*) FROM hazard_inspection").query(Integer.class).single();

        visit(worker, point, "{\"answers\":{\"%s\":{\"passed\":true}}}".formatted(items.get(0)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("r_" + items.get(1)));
        visit(worker, point, """
                {"answers":{"%s":{"passed":true},"%s":{"passed":false,"reportHazard":true}}}"""
                .formatted(items.get(0), items.get(1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("c_" + items.get(1)));
        visit(worker, point, """
                {"lon":500,"lat":30,"answers":{"%s":{"passed":true},"%s":{"passed":true}}}"""
                .formatted(items.get(0), items.get(1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("lon"));
        mvc.perform(multipart("/hazard/inspection/points/{id}", point)
                        .file(new MockMultipartFile("photos", "fake.jpg", "image/jpeg", "not an image".getBytes()))
                        .param("r_" + items.get(0), "PASS").param("r_" + items.get(1), "PASS")
                        .with(as(worker)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("fake.jpg")));
        assertThat(jdbc.sql("SELECT count(*) FROM hazard_inspection").query(Integer.class).single()).isEqualTo(visits);

        String ownGrid = users.byUsername("gridworker").orElseThrow().regionCode();
        String otherVillage = grid.descendants(grid.children(null).get(0).code(), org.linyunzhi.grid.RegionLevel.GRID)
                .stream().map(org.linyunzhi.grid.RegionNode::code).filter(c -> !c.startsWith(ownGrid.substring(0, 12)))
                .reduce((a, b) -> b).orElseThrow();
        CurrentUser stranger = new CurrentUser(UUID.randomUUID(), "stranger", "stranger", java.util.Set.of("GRID_WORKER"),
                java.util.Set.of(InspectionFixtures.WORKER), org.linyunzhi.identity.DataScope.region(otherVillage));
        mvc.perform(get("/api/hazard/inspections/points/{id}", point).with(as(stranger))).andExpect(status().isNotFound());
        visit(stranger, point, "{\"answers\":{}}").andExpect(status().isNotFound());
        mvc.perform(get("/hazard/inspection/points/{id}", point).with(as(stranger))).andExpect(status().isNotFound());
    }

    @Test
    void oneVisitAnswersTwoDepartmentsAndEachReadsOnlyItsOwnFindings() throws Exception {
        CurrentUser officer = InspectionFixtures.user(users, "officer", InspectionFixtures.OFFICER);
        CurrentUser worker = InspectionFixtures.user(users, "gridworker", InspectionFixtures.WORKER);
        String ownGrid = users.byUsername("gridworker").orElseThrow().regionCode();
        TargetRequest houses = InspectionFixtures.region("HOUSE",
                InspectionFixtures.freeMicroGrid(jdbc, grid, registry, ownGrid));
        // the governance office's campaign holds an item of the market office too; the market office has its own
        var governance = issuing.create(InspectionFixtures.campaign("Combined A " + System.nanoTime(), null, houses,
                new CampaignRequest.Item("Residents registered", null, null),
                new CampaignRequest.Item("Shop licence displayed", "市场监管所", null)), officer);
        var market = issuing.create(InspectionFixtures.campaign("Combined B " + System.nanoTime(), "市场监管所", houses,
                new CampaignRequest.Item("Gas alarm fitted", null, null)), officer);
        // a place the demo's running campaigns leave alone: exactly the two campaigns meet there
        UUID point = jdbc.sql("""
                SELECT p.id FROM hazard_inspection_point p WHERE p.campaign_id = :c AND NOT EXISTS (
                  SELECT 1 FROM hazard_inspection_point q WHERE q.place_id = p.place_id AND q.campaign_id NOT IN (:c, :m))
                 ORDER BY p.region_code, p.name LIMIT 1""")
                .param("c", governance.campaign().id()).param("m", market.campaign().id()).query(UUID.class).single();
        JsonNode form = json.readTree(mvc.perform(get("/api/hazard/inspections/points/{id}", point).with(as(worker)))
                .andReturn().getResponse().getContentAsString());
        assertThat(form.get("mergedPoints").size()).isEqualTo(2);
        mvc.perform(get("/hazard/inspection/points/{id}", point).with(as(worker))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Gas alarm fitted")));

        StringBuilder answers = new StringBuilder();
        form.get("checklists").properties().forEach(e -> e.getValue().forEach(item -> {
            boolean gas = item.get("text").asString().equals("Gas alarm fitted");
            boolean licence = item.get("text").asString().equals("Shop licence displayed");
            answers.append(answers.isEmpty() ? "" : ",").append("\"%s\":{\"passed\":%s,\"note\":\"%s\"}"
                    .formatted(item.get("id").asString(), !(gas || licence), gas ? "no alarm" : licence ? "no licence" : ""));
        }));
        visit(worker, point, "{\"answers\":{" + answers + "}}").andExpect(status().isCreated());

        // one visit, findings filed under both campaigns with their items' departments
        assertThat(jdbc.sql("""
                SELECT count(DISTINCT f.inspection_id) FROM hazard_inspection_finding f
                 WHERE f.campaign_id IN (:a, :b) AND f.point_id IN (SELECT id FROM hazard_inspection_point WHERE place_id =
                       (SELECT place_id FROM hazard_inspection_point WHERE id = :p))""")
                .param("a", governance.campaign().id()).param("b", market.campaign().id()).param("p", point)
                .query(Integer.class).single()).isEqualTo(1);

        JsonNode asOfficer = detail(officer, governance.campaign().id());
        assertThat(asOfficer.get("findingsOf").asString()).isEqualTo("综治办");
        assertThat(texts(asOfficer)).containsExactly("Residents registered");
        assertThat(texts(detail(officer, market.campaign().id()))).isEmpty();
        JsonNode asLeader = detail(InspectionFixtures.leader(users), governance.campaign().id());
        assertThat(texts(asLeader)).containsExactlyInAnyOrder("Residents registered", "Shop licence displayed");
        assertThat(texts(detail(InspectionFixtures.leader(users), market.campaign().id()))).containsExactly("Gas alarm fitted");
    }

    private JsonNode detail(CurrentUser user, UUID campaign) throws Exception {
        return json.readTree(mvc.perform(get("/api/hazard/inspections/campaigns/{id}", campaign).with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static List<String> texts(JsonNode detail) {
        return detail.get("findings").valueStream().map(f -> f.get("itemText").asString()).toList();
    }

    private org.springframework.test.web.servlet.ResultActions visit(CurrentUser user, UUID point, String body)
            throws Exception {
        return mvc.perform(post("/api/hazard/inspections/points/{id}/visits", point).with(as(user)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}

package org.linyunzhi.hazard.internal.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.UserDirectory;
import org.linyunzhi.registry.PlaceFilter;
import org.linyunzhi.registry.PlaceKind;
import org.linyunzhi.registry.RegistryApi;
import org.linyunzhi.registry.RegistryPlace;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creating a campaign through the API copies the chosen places as points and issues one task per
 * micro-grid holding points, each to that micro-grid, named after the campaign and due at the end of
 * its last day; the campaign page counts progress per village and micro-grid; refusals name the field.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CampaignIssuingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RegistryApi registry;

    @Autowired
    UserDirectory users;

    @Test
    void oneTaskPerMicroGridHoldingPointsDueAtTheEndOfTheCampaign() throws Exception {
        CurrentUser officer = InspectionFixtures.user(users, "officer", InspectionFixtures.OFFICER);
        PlaceFilter accommodation = new PlaceFilter(PlaceKind.ORGANISATION, Set.of("ACCOMMODATION"), null, null, null,
                null, null, null);
        List<RegistryPlace> places = registry.places(accommodation, 100_000);
        Set<String> microGrids = places.stream()
                .map(p -> p.dedicatedRegionCode() != null ? p.dedicatedRegionCode() : p.regionCode())
                .collect(Collectors.toSet());
        LocalDate ends = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(14);
        JsonNode created = json.readTree(mvc.perform(post("/api/hazard/inspections/campaigns").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Accommodation fire safety","type":"ACCOMMODATION","startsOn":"2026-01-01","endsOn":"%s",
                                 "items":[{"text":"Guests registered by ID"},{"text":"Extinguishers on every floor","department":"应急管理办"}],
                                 "target":{"kind":"ORGANISATION","orgTypes":["ACCOMMODATION"]}}""".formatted(ends)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        UUID id = UUID.fromString(created.get("id").asString());
        String code = created.get("code").asString();
        assertThat(code).matches("PC2026-\\d{4}");
        assertThat(created.get("points").asInt()).isEqualTo(places.size());
        assertThat(created.get("tasks").asInt()).isEqualTo(microGrids.size());

        List<Map<String, Object>> tasks = jdbc.sql("""
                SELECT ct.region_code, t.region_code AS task_region, t.source, t.source_ref, t.state, t.name, t.deadline
                  FROM hazard_campaign_task ct JOIN task t ON t.id = ct.task_id WHERE ct.campaign_id = :c""")
                .param("c", id).query().listOfRows();
        assertThat(tasks).hasSize(microGrids.size());
        assertThat(tasks.stream().map(t -> (String) t.get("task_region")).collect(Collectors.toSet())).isEqualTo(microGrids);
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.get("source")).isEqualTo("CAMPAIGN");
            assertThat(t.get("source_ref")).isEqualTo(code);
            assertThat(t.get("state")).isEqualTo("DISPATCHED");
            assertThat(t.get("name")).isEqualTo("Accommodation fire safety");
            assertThat(((java.sql.Timestamp) t.get("deadline")).toInstant())
                    .isEqualTo(ends.plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().minusSeconds(1));
        });
        assertThat(jdbc.sql("SELECT department FROM hazard_checklist_item WHERE campaign_id = :c ORDER BY position")
                .param("c", id).query(String.class).list()).containsExactly("综治办", "应急管理办");

        mvc.perform(get("/api/hazard/inspections/campaigns/{id}", id).with(as(InspectionFixtures.leader(users))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.points").value(places.size()))
                .andExpect(jsonPath("$.summary.inspected").value(0))
                .andExpect(jsonPath("$.microGrids.length()").value(microGrids.size()));
        mvc.perform(get("/hazard/inspection/campaigns/{id}", id).with(as(officer))).andExpect(status().isOk());
    }

    @Test
    void refusalsNameTheFieldAndWriteNothing() throws Exception {
        CurrentUser officer = InspectionFixtures.user(users, "officer", InspectionFixtures.OFFICER);
        int before = jdbc.sql("SELECT count(*) FROM hazard_campaign").query(Integer.class).single();
        create(officer, """
                {"name":"","type":"FIRE","startsOn":"2026-12-01","endsOn":"2099-12-31","items":[{"text":"x"}],
                 "target":{"kind":"HOUSE"}}""", "name");
        create(officer, """
                {"name":"Late","type":"FIRE","startsOn":"2026-01-01","endsOn":"2026-01-02","items":[{"text":"x"}],
                 "target":{"kind":"HOUSE"}}""", "endsOn");
        create(officer, """
                {"name":"No items","type":"FIRE","startsOn":"2026-12-01","endsOn":"2099-12-31","items":[{"text":" "}],
                 "target":{"kind":"HOUSE"}}""", "items");
        create(officer, """
                {"name":"Bad region","type":"FIRE","startsOn":"2026-12-01","endsOn":"2099-12-31","items":[{"text":"x"}],
                 "target":{"regionCode":"33x"}}""", "regionCode");
        assertThat(jdbc.sql("SELECT count(*) FROM hazard_campaign").query(Integer.class).single()).isEqualTo(before);

        mvc.perform(get("/api/hazard/inspections/campaigns/{id}", UUID.randomUUID()).with(as(officer)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.type").value("urn:linyunzhi:inspection:not-found"));
        CurrentUser worker = InspectionFixtures.user(users, "gridworker", InspectionFixtures.WORKER);
        mvc.perform(post("/api/hazard/inspections/campaigns").with(as(worker)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    private void create(CurrentUser officer, String body, String field) throws Exception {
        mvc.perform(post("/api/hazard/inspections/campaigns").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value(field));
    }
}

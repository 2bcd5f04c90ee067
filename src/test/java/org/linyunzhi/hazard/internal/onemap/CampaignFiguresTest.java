package org.linyunzhi.hazard.internal.onemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The campaign figures counted from records this test inserts in a village of its own
 * (990000002001…): two campaigns, their points (some inspected), hazards found by them and one
 * found by a grid report, some rectified. A user scoped to that village sees exactly these.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CampaignFiguresTest {

    static final UUID C1 = UUID.fromString("0e000000-0000-4000-8000-0000000000c1");
    static final UUID C2 = UUID.fromString("0e000000-0000-4000-8000-0000000000c2");
    static final String REGION = "9900000020010010001";
    static final CurrentUser VILLAGE = AsUser.user("figures-village", DataScope.region("990000002001"), "hazard:map:view");
    static final CurrentUser ELSEWHERE = AsUser.user("figures-elsewhere", DataScope.region("990000002002"), "hazard:map:view");

    @Autowired
    CampaignFigures figures;
    @Autowired
    JdbcClient db;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void insertCampaigns() {
        campaign(C1, "OMT-C1", "test fire safety", "2026-11-01");
        campaign(C2, "OMT-C2", "test flood control", "2026-11-15");
        points(C1, 10, 6);
        points(C2, 5, 5);
        hazards(C1, 4, 3);
        hazards(C2, 2, 0);
        hazards(null, 1, 1);
    }

    @AfterEach
    void deleteThem() {
        db.sql("DELETE FROM hazard_hazard WHERE number LIKE 'OMF-%'").update();
        db.sql("DELETE FROM hazard_inspection_point WHERE campaign_id IN (:ids)").param("ids", java.util.List.of(C1, C2)).update();
        db.sql("DELETE FROM hazard_campaign WHERE id IN (:ids)").param("ids", java.util.List.of(C1, C2)).update();
    }

    void campaign(UUID id, String code, String name, String startsOn) {
        db.sql("""
                INSERT INTO hazard_campaign (id, code, name, type, department, starts_on, ends_on, status, created_at)
                VALUES (:id, :code, :name, 'FIRE', 'test department', CAST(:starts AS date), CAST(:starts AS date) + 10,
                        'FINISHED', now())""")
                .param("id", id).param("code", code).param("name", name).param("starts", startsOn).update();
    }

    void points(UUID campaign, int count, int inspected) {
        db.sql("""
                INSERT INTO hazard_inspection_point (id, campaign_id, name, lon, lat, position, region_code, inspected_at, result)
                SELECT gen_random_uuid(), :campaign, 'test point ' || g, 101, 21, point(101, 21), :region,
                       CASE WHEN g <= :inspected THEN now() END, CASE WHEN g <= :inspected THEN 'PASS' END
                  FROM generate_series(1, :count) g""")
                .param("campaign", campaign).param("count", count).param("inspected", inspected).param("region", REGION)
                .update();
    }

    void hazards(UUID campaign, int found, int closed) {
        db.sql("""
                INSERT INTO hazard_hazard (id, number, title, category_code, catalogue_version, class_code, level, status,
                                           source, department, lon, lat, position, region_code, found_at, campaign_id)
                SELECT gen_random_uuid(), 'OMF-' || coalesce(right(CAST(:campaign AS text), 2), 'none') || '-' || g, 'test', 'TST-01', 1,
                       'PUBLIC_SAFETY', 2, CASE WHEN g <= :closed THEN 'CLOSED' ELSE 'RECTIFYING' END,
                       CASE WHEN CAST(:campaign AS uuid) IS NULL THEN 'GRID_REPORT' ELSE 'INSPECTION' END, 'test',
                       101, 21, point(101, 21), :region, now(), CAST(:campaign AS uuid)
                  FROM generate_series(1, :found) g""")
                .param("campaign", campaign).param("found", found).param("closed", closed).param("region", REGION)
                .update();
    }

    @Test
    void theVillagesFiguresAreCountedFromItsRecords() {
        long campaigns = db.sql("SELECT count(*) FROM hazard_campaign").query(Long.class).single();
        CampaignFigures.Figures f = figures.overall(VILLAGE.scope());
        // campaigns are issued town-wide: all of them count; points and hazards only the village's
        assertThat(f.campaigns()).isEqualTo(campaigns);
        assertThat(f.pointsInspected()).isEqualTo(11);
        assertThat(f.hazardsFound()).isEqualTo(7);
        assertThat(f.rectified()).isEqualTo(4);
        assertThat(f.rate()).isEqualTo(57.1);
        CampaignFigures.Figures none = figures.overall(ELSEWHERE.scope());
        assertThat(none.pointsInspected()).isZero();
        assertThat(none.hazardsFound()).isZero();
        assertThat(none.rate()).isNull();
    }

    @Test
    void eachCampaignHasItsOwnRow() {
        var rows = figures.perCampaign(VILLAGE.scope()).stream()
                .filter(r -> r.code().startsWith("OMT-C")).toList();
        assertThat(rows).extracting(CampaignFigures.CampaignRow::code).containsExactly("OMT-C2", "OMT-C1");
        var c1 = rows.get(1);
        assertThat(c1.points()).isEqualTo(10);
        assertThat(c1.pointsInspected()).isEqualTo(6);
        assertThat(c1.figures().hazardsFound()).isEqualTo(4);
        assertThat(c1.figures().rectified()).isEqualTo(3);
        assertThat(c1.figures().rate()).isEqualTo(75.0);
        var c2 = rows.get(0);
        assertThat(c2.pointsInspected()).isEqualTo(5);
        assertThat(c2.figures().hazardsFound()).isEqualTo(2);
        assertThat(c2.figures().rate()).isEqualTo(0.0);
    }

    @Test
    void theMapShowsTheInspectionPointsOfTheViewInScope() throws Exception {
        String view = "/api/hazard/map/points?bbox=100.9,20.9,101.1,21.1&zoom=15";
        String all = mvc.perform(get(view).with(as(VILLAGE))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(all.split("\"inspected\":true", -1).length - 1).isEqualTo(11);
        assertThat(all.split("\"inspected\":false", -1).length - 1).isEqualTo(4);
        assertThat(all).contains("\"truncated\":false");
        String c1 = mvc.perform(get(view + "&campaign=" + C1).with(as(VILLAGE))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(c1.split("\"name\":", -1).length - 1).isEqualTo(10);
        String none = mvc.perform(get(view).with(as(ELSEWHERE))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(none).contains("\"points\":[]");
    }

    @Test
    void rectifyingAHazardRaisesTheRate() {
        db.sql("UPDATE hazard_hazard SET status = 'CLOSED' WHERE number LIKE 'OMF-%' AND status <> 'CLOSED'").update();
        CampaignFigures.Figures f = figures.overall(VILLAGE.scope());
        assertThat(f.rectified()).isEqualTo(7);
        assertThat(f.rate()).isEqualTo(100.0);
    }

    @Test
    void theFiguresPageTheApiAndTheHomePanelShowThem() throws Exception {
        String page = mvc.perform(get("/hazard/figures").with(as(VILLAGE))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-campaign=\"OMT-C1\"").contains("test fire safety").contains("75 %")
                .contains("data-figure=\"hazardsFound\">7<").contains("data-figure=\"rate\">57.1 %<");
        String api = mvc.perform(get("/api/hazard/map/figures").with(as(VILLAGE))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(api).contains("\"hazardsFound\":7").contains("\"rectified\":4");
        String home = mvc.perform(get("/").with(as(VILLAGE))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("data-testid=\"onemap-home\"").contains("data-figure=\"pointsInspected\">11<");
    }
}

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The viewport endpoint on hazards this test inserts far from the demo town (around 100°E 20°N, so
 * the demo's own hazards never fall in its views): the hazards themselves when a view holds at most
 * 2,000, clusters otherwise, never more than 2,000 features, filters, data scope and bad input.
 *
 * <p>Village X (codes 990000001001…) holds 2,500 hazards in a 1 km square; village Y
 * (990000001002…) 30 hazards in a square of 100 m, 5 km away.
 */
@IntegrationTest
@AutoConfigureMockMvc
class OneMapApiTest {

    static final String BOX_X = "99.999,19.999,100.011,20.011";
    static final String BOX_Y = "100.049,20.049,100.052,20.052";
    static final String BOTH = "99.99,19.99,100.06,20.06";
    static final UUID CAMPAIGN = UUID.fromString("0e000000-0000-4000-8000-00000000c0de");

    static final CurrentUser LEADER = AsUser.user("onemap-leader", DataScope.all(), "hazard:map:view");
    static final CurrentUser VILLAGE_X = AsUser.user("onemap-x", DataScope.region("990000001001"), "hazard:map:view");
    static final CurrentUser VILLAGE_Y = AsUser.user("onemap-y", DataScope.region("990000001002"), "hazard:map:view");
    static final CurrentUser NO_PERMISSION = AsUser.user("onemap-none", DataScope.all());

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;
    @Autowired
    HazardMap map;

    @BeforeEach
    void insertHazards() {
        // X: level g%5+1, 70 % closed, class alternating, categories TST-01/TST-02, a quarter in the campaign,
        // found on ten consecutive days from 2026-03-01
        db.sql("""
                INSERT INTO hazard_hazard (id, number, title, category_code, catalogue_version, class_code, level, status,
                                           source, department, lon, lat, position, region_code, found_at, campaign_id)
                SELECT gen_random_uuid(), 'OMT-X-' || g, 'test hazard ' || g, 'TST-0' || (1 + g % 2), 1,
                       CASE WHEN g % 2 = 0 THEN 'PUBLIC_SAFETY' ELSE 'SOCIAL_CONTROL' END, 1 + g % 5,
                       CASE WHEN g % 10 < 7 THEN 'CLOSED' ELSE 'RECTIFYING' END, 'GRID_REPORT', 'test',
                       p.lon, p.lat, point(p.lon, p.lat), '9900000010010010001',
                       TIMESTAMPTZ '2026-03-01 08:00+08' + make_interval(days => g % 10),
                       CASE WHEN g % 4 = 0 THEN CAST(:campaign AS uuid) END
                  FROM generate_series(0, 2499) g
                  CROSS JOIN LATERAL (SELECT 100.0 + (g % 50) * 0.0002 AS lon, 20.0 + (g / 50) * 0.0002 AS lat) p""")
                .param("campaign", CAMPAIGN).update();
        db.sql("""
                INSERT INTO hazard_hazard (id, number, title, category_code, catalogue_version, class_code, level, status,
                                           source, department, lon, lat, position, region_code, found_at, overdue)
                SELECT gen_random_uuid(), 'OMT-Y-' || g, 'test hazard Y' || g, 'TST-03', 1, 'PUBLIC_SAFETY',
                       CASE WHEN g = 0 THEN 5 ELSE 3 END, 'ORDERED', 'GRID_REPORT', 'test',
                       100.05 + (g % 6) * 0.0002, 20.05 + (g / 6) * 0.0002,
                       point(100.05 + (g % 6) * 0.0002, 20.05 + (g / 6) * 0.0002), '9900000010020010001',
                       TIMESTAMPTZ '2026-05-01 08:00+08', g = 1
                  FROM generate_series(0, 29) g""").update();
    }

    @AfterEach
    void deleteHazards() {
        db.sql("DELETE FROM hazard_hazard WHERE number LIKE 'OMT-%'").update();
    }

    JsonNode get200(String url, CurrentUser user) throws Exception {
        String body = mvc.perform(get(url).with(as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonMapper.builder().build().readTree(body);
    }

    static long sumCounts(JsonNode answer) {
        long n = 0;
        for (JsonNode c : answer.get("clusters")) n += c.get("count").asLong();
        return n;
    }

    @Test
    void aViewWithAtMost2000HazardsAnswersTheHazardsThemselves() throws Exception {
        JsonNode a = get200("/api/hazard/map/hazards?bbox=" + BOX_Y + "&zoom=17", LEADER);
        assertThat(a.get("mode").asString()).isEqualTo("FEATURES");
        assertThat(a.get("hazards").size()).isEqualTo(30);
        assertThat(a.get("clusters").size()).isZero();
        JsonNode worst = a.get("hazards").get(0);
        // the worst first, with what the map draws and the popup says
        assertThat(worst.get("number").asString()).isEqualTo("OMT-Y-0");
        assertThat(worst.get("level").asInt()).isEqualTo(5);
        assertThat(worst.get("status").asString()).isEqualTo("ORDERED");
        assertThat(worst.get("lon").asDouble()).isEqualTo(100.05);
        assertThat(worst.get("id").asString()).hasSize(36);
    }

    @Test
    void aViewWithMoreThan2000HazardsAnswersClustersFromTheHazards() throws Exception {
        // a village-scoped user: the clusters are aggregated from the hazards themselves
        JsonNode a = get200("/api/hazard/map/hazards?bbox=" + BOX_X + "&zoom=16", VILLAGE_X);
        assertThat(a.get("mode").asString()).isEqualTo("CLUSTERS");
        assertThat(a.get("source").asString()).isEqualTo("HAZARDS");
        assertThat(a.get("clusters").size()).isBetween(2, HazardMap.MAX_FEATURES);
        assertThat(a.get("hazards").size()).isZero();
        assertThat(sumCounts(a)).isEqualTo(2500);
        assertThat(a.get("total").asLong()).isEqualTo(2500);
        int worst = 0;
        for (JsonNode c : a.get("clusters")) {
            worst = Math.max(worst, c.get("worstLevel").asInt());
            assertThat(c.get("lon").asDouble()).isBetween(100.0, 100.0100001);
            assertThat(c.get("lat").asDouble()).isBetween(20.0, 20.0100001);
        }
        assertThat(worst).isEqualTo(5);
    }

    @Test
    void theLeadersWideViewIsSummedFromTheMapCellsAndAgreesWithTheHazards() throws Exception {
        JsonNode cells = get200("/api/hazard/map/hazards?bbox=" + BOTH + "&zoom=12", LEADER);
        assertThat(cells.get("mode").asString()).isEqualTo("CLUSTERS");
        assertThat(cells.get("source").asString()).isEqualTo("MAP_CELLS");
        assertThat(sumCounts(cells)).isEqualTo(2530);
        // the centre of mass of all of X, kept exact by the coordinate sums
        JsonNode x = null;
        for (JsonNode c : cells.get("clusters")) if (c.get("count").asLong() == 2500) x = c;
        assertThat(x).as("X in one cluster at zoom 12").isNotNull();
        assertThat(x.get("lon").asDouble()).isCloseTo(100.0049, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(x.get("worstLevel").asInt()).isEqualTo(5);
    }

    @Test
    void theMapCellsFollowChangesOfLevelStatusAndPlace() {
        db.sql("UPDATE hazard_hazard SET level = 5 WHERE number IN ('OMT-X-0', 'OMT-X-1', 'OMT-X-2')").update();
        db.sql("UPDATE hazard_hazard SET status = 'CLOSED' WHERE number LIKE 'OMT-Y-%'").update();
        db.sql("UPDATE hazard_hazard SET lon = 100.3, position = point(100.3, 20.0) WHERE number = 'OMT-X-3'").update();
        MapViewport view = MapViewport.parse(BOTH, "12");
        double cell = HazardMap.clusterCell(view, 12);
        // X: 500 of level 5 plus the 3 raised; Y: its first
        assertThat(cellTotal(view, cell, "5", null)).isEqualTo(500 + 3 + 1);
        // X-3 was closed and has left the view
        assertThat(cellTotal(view, cell, null, "CLOSED")).isEqualTo(1750 - 1 + 30);
        // X-3 moved out of the view
        assertThat(cellTotal(view, cell, null, null)).isEqualTo(2530 - 1);
        // the fine cells (1/256°) agree with the coarse ones (1/64°)
        double fine = HazardMap.clusterCell(view, 15);
        assertThat(fine).isEqualTo(HazardMap.MAP_CELL);
        assertThat(cellTotal(view, fine, "5", null)).isEqualTo(500 + 3 + 1);
        assertThat(cellTotal(view, fine, null, null)).isEqualTo(2530 - 1);
        // and so do the cells counted by level alone (1/1024°), which answer the unfiltered map at zoom 16
        double levelOnly = HazardMap.clusterCell(view, 16);
        var clusters = map.clustersFromMapCells(view, HazardMapFilter.none(), levelOnly);
        assertThat(clusters.stream().mapToLong(HazardMap.MapCluster::count).sum()).isEqualTo(2530 - 1);
        assertThat(clusters.stream().mapToInt(HazardMap.MapCluster::worstLevel).max()).hasValue(5);
        var y = clusters.stream().filter(c -> c.lon() > 100.04).toList();
        // Y's 30 hazards, in however many cells its square straddles
        assertThat(y.stream().mapToLong(HazardMap.MapCluster::count).sum()).isEqualTo(30);
    }

    long cellTotal(MapViewport view, double cell, String level, String status) {
        HazardMapFilter filter = HazardMapFilter.parse(null, null, level == null ? null : java.util.List.of(level),
                status == null ? null : java.util.List.of(status), null, null, null);
        return map.clustersFromMapCells(view, filter, cell).stream().mapToLong(HazardMap.MapCluster::count).sum();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "level=5;                 500",
            "level=4,5;               1000",
            "status=CLOSED;           1750",
            "class=PUBLIC_SAFETY;     1250",
            "level=5&status=CLOSED;   250",
            "category=TST-02;         1250",
            "campaign=0e000000-0000-4000-8000-00000000c0de; 625",
            "from=2026-03-01&to=2026-03-05; 1250",
            "from=2026-03-10;         250",
    })
    void filtersNarrowTheCounts(String filter, long expected) throws Exception {
        String q = "/api/hazard/map/hazards?bbox=" + BOX_X + "&zoom=12&" + filter;
        // the same numbers whether the map cells (leader) or the hazards (village scope) answer
        assertThat(get200(q, LEADER).get("total").asLong()).as(filter + " (leader)").isEqualTo(expected);
        assertThat(get200(q, VILLAGE_X).get("total").asLong()).as(filter + " (village)").isEqualTo(expected);
    }

    @Test
    void overdueIsAFilterBesideTheStatus() throws Exception {
        JsonNode a = get200("/api/hazard/map/hazards?bbox=" + BOX_Y + "&zoom=17&status=OVERDUE", LEADER);
        assertThat(a.get("hazards").size()).isEqualTo(1);
        assertThat(a.get("hazards").get(0).get("number").asString()).isEqualTo("OMT-Y-1");
        assertThat(a.get("hazards").get(0).get("overdue").asBoolean()).isTrue();
    }

    @Test
    void noAnswerHoldsMoreThan2000FeaturesWhateverTheBoxAndZoom() throws Exception {
        for (CurrentUser user : new CurrentUser[] {LEADER, VILLAGE_X}) {
            for (String view : new String[] {"-180,-90,180,90&zoom=22", "99,19,101,21&zoom=22", BOX_X + "&zoom=22",
                    BOX_X + "&zoom=0"}) {
                JsonNode a = get200("/api/hazard/map/hazards?bbox=" + view, user);
                assertThat(a.get("hazards").size() + a.get("clusters").size()).as(view).isLessThanOrEqualTo(2000);
                JsonNode d = get200("/api/hazard/map/density?bbox=" + view, user);
                assertThat(d.get("clusters").size()).as("density " + view).isLessThanOrEqualTo(2000);
            }
        }
    }

    @Test
    void aUserSeesOnlyTheHazardsOfTheirScope() throws Exception {
        JsonNode y = get200("/api/hazard/map/hazards?bbox=" + BOTH + "&zoom=14", VILLAGE_Y);
        assertThat(y.get("mode").asString()).isEqualTo("FEATURES");
        assertThat(y.get("hazards").size()).isEqualTo(30);
        y.get("hazards").forEach(h -> assertThat(h.get("number").asString()).startsWith("OMT-Y-"));
        JsonNode x = get200("/api/hazard/map/hazards?bbox=" + BOX_Y + "&zoom=17", VILLAGE_X);
        assertThat(x.get("hazards").size()).isZero();
        assertThat(get200("/api/hazard/map/density?bbox=" + BOTH + "&zoom=14", VILLAGE_Y).get("total").asLong()).isEqualTo(30);
    }

    @Test
    void aHazardsCardComesWithTheNearestResourcesAndIsHiddenOutsideTheScope() throws Exception {
        String id = db.sql("SELECT id::text FROM hazard_hazard WHERE number = 'OMT-Y-0'").query(String.class).single();
        JsonNode card = get200("/api/hazard/map/hazards/" + id, VILLAGE_Y);
        assertThat(card.get("hazard").get("number").asString()).isEqualTo("OMT-Y-0");
        assertThat(card.get("hazard").get("level").asInt()).isEqualTo(5);
        assertThat(card.get("hazard").get("categoryCode").asString()).isEqualTo("TST-03");
        assertThat(card.get("nearest").propertyNames()).containsExactly("RESCUE_TEAM", "SHELTER", "WAREHOUSE");
        mvc.perform(get("/api/hazard/map/hazards/" + id).with(as(VILLAGE_X))).andExpect(status().isNotFound());
        mvc.perform(get("/api/hazard/map/hazards/" + UUID.randomUUID()).with(as(LEADER))).andExpect(status().isNotFound());
    }

    @Test
    void theNearestResourcesOfEachKindToAnyPoint() throws Exception {
        JsonNode a = get200("/api/hazard/map/nearest?lon=120.25&lat=30.05", LEADER);
        assertThat(a.get("nearest").propertyNames()).containsExactly("RESCUE_TEAM", "SHELTER", "WAREHOUSE");
        for (JsonNode list : a.get("nearest")) {
            assertThat(list.size()).isLessThanOrEqualTo(NearestResources.PER_KIND);
            long last = 0;
            for (JsonNode r : list) {
                assertThat(r.get("metres").asLong()).isGreaterThanOrEqualTo(last);
                last = r.get("metres").asLong();
            }
        }
    }

    @Test
    void theResourcesOfTheDemoTownAreLayersOfTheView() throws Exception {
        JsonNode all = get200("/api/hazard/map/resources?bbox=120.1,29.9,120.4,30.2&zoom=13", LEADER);
        java.util.Set<String> kinds = new java.util.HashSet<>();
        all.forEach(r -> kinds.add(r.get("kind").asString()));
        assertThat(kinds).containsExactlyInAnyOrder("RESCUE_TEAM", "SHELTER", "WAREHOUSE");
        JsonNode shelters = get200("/api/hazard/map/resources?bbox=120.1,29.9,120.4,30.2&zoom=13&kind=SHELTER", LEADER);
        assertThat(shelters.size()).isPositive();
        shelters.forEach(r -> assertThat(r.get("kind").asString()).isEqualTo("SHELTER"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "/api/hazard/map/hazards?zoom=12;                                  bbox",
            "/api/hazard/map/hazards?bbox=1,2,3&zoom=12;                       bbox",
            "/api/hazard/map/hazards?bbox=a,b,c,d&zoom=12;                     bbox",
            "/api/hazard/map/hazards?bbox=120.3,30,120.2,30.1&zoom=12;         bbox",
            "/api/hazard/map/hazards?bbox=120,30,190,31&zoom=12;               bbox",
            "/api/hazard/map/hazards?bbox=NaN,30,120.1,31&zoom=12;             bbox",
            "/api/hazard/map/hazards?bbox=120,30,120.1,30.1;                   zoom",
            "/api/hazard/map/hazards?bbox=120,30,120.1,30.1&zoom=99;           zoom",
            "/api/hazard/map/hazards?bbox=120,30,120.1,30.1&zoom=abc;          zoom",
            "/api/hazard/map/hazards?bbox=120,30,120.1,30.1&zoom=-1;           zoom",
            "/api/hazard/map/hazards?bbox=120,30,120.1,30.1&zoom=12&level=7;   level",
            "/api/hazard/map/hazards?bbox=120,30,120.1,30.1&zoom=12&status=LOST; status",
            "/api/hazard/map/hazards?bbox=120,30,120.1,30.1&zoom=12&class=a-b; class",
            "/api/hazard/map/hazards?bbox=120,30,120.1,30.1&zoom=12&campaign=xyz; campaign",
            "/api/hazard/map/hazards?bbox=120,30,120.1,30.1&zoom=12&from=2026-13-01; from",
            "/api/hazard/map/hazards?bbox=120,30,120.1,30.1&zoom=12&from=2026-05-02&to=2026-05-01; to",
            "/api/hazard/map/density?bbox=120,30,120.1&zoom=12;                bbox",
            "/api/hazard/map/points?bbox=120,30,120.1,30.1&zoom=x;             zoom",
            "/api/hazard/map/resources?bbox=120,30,120.1,30.1&zoom=12&kind=BOAT; kind",
            "/api/hazard/map/nearest?lon=200&lat=30;                           lon",
            "/api/hazard/map/nearest?lon=120;                                  lat",
            "/api/hazard/map/hazards/not-a-uuid;                               id",
    })
    void badInputIsAProblemNamingTheParameter(String url, String parameter) throws Exception {
        String body = mvc.perform(get(url).with(as(LEADER))).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode problem = JsonMapper.builder().build().readTree(body);
        assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
    }

    @Test
    void withoutThePermissionTheMapAnswersForbidden() throws Exception {
        mvc.perform(get("/api/hazard/map/hazards?bbox=" + BOX_Y + "&zoom=17").with(as(NO_PERMISSION)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/hazard/map").with(as(NO_PERMISSION))).andExpect(status().isForbidden());
    }
}

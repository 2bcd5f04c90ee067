package org.linyunzhi.resource.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.resource.NearbyResource;
import org.linyunzhi.resource.ResourceApi;
import org.linyunzhi.resource.ResourceKind;
import org.linyunzhi.resource.ResourcePlace;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "The nearest resources" is checked against the obvious answer: measure the great-circle distance
 * to every row and sort. The demo town's resources are checked through the HTTP API; thousands of
 * extra rows, and a pair laid out to fool the index's degree distance, are checked inside a
 * transaction that is rolled back, so no other test sees them.
 */
@IntegrationTest
@AutoConfigureMockMvc
class NearestResourcesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ResourceApi resources;

    @Autowired
    Places places;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    final CurrentUser operator = AsUser.user("resource-operator", DataScope.all(), "resource:view");

    record Spot(UUID id, double lon, double lat) {
    }

    /** Every row of a kind's table, nearest first by haversine: the brute-force answer. */
    List<UUID> bruteForce(ResourceKind kind, double lon, double lat, int k) {
        return jdbc.sql("SELECT id, lon, lat FROM " + PlaceTable.of(kind).table)
                .query((rs, i) -> new Spot(rs.getObject("id", UUID.class), rs.getDouble("lon"), rs.getDouble("lat")))
                .list().stream()
                .sorted(Comparator.comparingDouble(s -> GreatCircle.metres(lon, lat, s.lon(), s.lat())))
                .limit(k).map(Spot::id).toList();
    }

    @Test
    void theDemoTownsNearestResourcesOfEachKindAreTheBruteForceAnswer() throws Exception {
        Random rnd = new Random(7);
        for (int i = 0; i < 20; i++) {
            double lon = 120.25 + (rnd.nextDouble() - 0.5) * 0.16;
            double lat = 30.05 + (rnd.nextDouble() - 0.5) * 0.14;
            for (ResourceKind kind : ResourceKind.values()) {
                int k = 1 + rnd.nextInt(5);
                String json = mvc.perform(get("/api/resource/nearest").with(as(operator))
                                .param("lon", String.valueOf(lon)).param("lat", String.valueOf(lat))
                                .param("kind", kind.name()).param("k", String.valueOf(k)))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                List<String> ids = JsonPath.read(json, "$[*].place.id");
                assertThat(ids).containsExactlyElementsOf(bruteForce(kind, lon, lat, k).stream().map(UUID::toString).toList());
                List<Double> metres = JsonPath.read(json, "$[*].metres");
                assertThat(metres).isSorted();
            }
        }
    }

    @Test
    void theDemoTownHasItsResources() {
        List<ResourcePlace> all = resources.within(120.0, 29.9, 120.5, 30.2, Set.of(), 10_000);
        // other tests add their own resources to the shared town, so at least the demo's
        assertThat(all.stream().filter(p -> p.kind() == ResourceKind.RESCUE_TEAM)).hasSizeGreaterThanOrEqualTo(12);
        assertThat(all.stream().filter(p -> p.kind() == ResourceKind.SHELTER)).hasSizeGreaterThanOrEqualTo(31);
        assertThat(all.stream().filter(p -> p.kind() == ResourceKind.WAREHOUSE)).hasSizeGreaterThanOrEqualTo(6);
        // every shelter sits in one of the town's villages: the 28 villages and the town's own three
        List<String> villages = jdbc.sql("SELECT DISTINCT substr(region_code, 1, 12) FROM resource_shelter"
                + " WHERE address NOT LIKE 'test%'").query(String.class).list();
        assertThat(villages).hasSizeGreaterThanOrEqualTo(20);
        assertThat(all).allSatisfy(p -> assertThat(p.summary()).isNotBlank());
        // called outside a request (as another module's listener would), the summary is the town's language
        assertThat(all).filteredOn(p -> p.kind() == ResourceKind.RESCUE_TEAM).first()
                .satisfies(p -> assertThat(p.summary()).contains(" 人 · "));
    }

    @Test
    void aRowNearerOnTheGroundWinsOverOneNearerInDegrees() {
        // far from the demo town, so only these two compete: one 1,000 m east, one 1,100 m north
        double lon = 121.0;
        double lat = 30.0;
        double metresPerDegreeLat = Math.toRadians(GreatCircle.EARTH_RADIUS_METRES);
        double east = lon + 1000 / (metresPerDegreeLat * Math.cos(Math.toRadians(lat)));
        double north = lat + 1100 / metresPerDegreeLat;
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            UUID eastward = insertShelter("east", east, lat);
            UUID northward = insertShelter("north", lon, north);
            // the index alone ranks north first: its degree distance is smaller
            UUID firstInDegrees = jdbc.sql("SELECT id FROM resource_shelter ORDER BY position <-> point(:lon, :lat) LIMIT 1")
                    .param("lon", lon).param("lat", lat).query(UUID.class).single();
            assertThat(firstInDegrees).isEqualTo(northward);

            List<NearbyResource> nearest = resources.nearest(lon, lat, ResourceKind.SHELTER, 1);
            assertThat(nearest).extracting(n -> n.place().id()).containsExactly(eastward);
            assertThat(nearest.get(0).metres()).isCloseTo(1000, within(1.0));
        });
    }

    @Test
    void thousandsOfRowsGiveTheBruteForceAnswerAtEveryK() {
        Random rnd = new Random(11);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            for (int i = 0; i < 3000; i++) {
                insertShelter("bulk" + i, 120.25 + (rnd.nextDouble() - 0.5) * 0.3, 30.05 + (rnd.nextDouble() - 0.5) * 0.3);
            }
            for (int i = 0; i < 40; i++) {
                double lon = 120.25 + (rnd.nextDouble() - 0.5) * 0.4;
                double lat = 30.05 + (rnd.nextDouble() - 0.5) * 0.4;
                int k = 1 + rnd.nextInt(30);
                List<UUID> found = places.nearest(lon, lat, ResourceKind.SHELTER, k, DataScope.all()).stream()
                        .map(n -> n.place().id()).toList();
                assertThat(found).as("k=%d at %f,%f", k, lon, lat)
                        .containsExactlyElementsOf(bruteForce(ResourceKind.SHELTER, lon, lat, k));
            }
        });
    }

    @Test
    void badCoordinatesAndCountsAreRefusedNamingTheField() throws Exception {
        mvc.perform(get("/api/resource/nearest").with(as(operator)).param("lon", "190").param("lat", "30")
                        .param("kind", "SHELTER"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("lon"));
        mvc.perform(get("/api/resource/nearest").with(as(operator)).param("lon", "120").param("lat", "-91")
                        .param("kind", "SHELTER"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("lat"));
        mvc.perform(get("/api/resource/nearest").with(as(operator)).param("lon", "120").param("lat", "30")
                        .param("kind", "BOATS"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("kind"));
        mvc.perform(get("/api/resource/nearest").with(as(operator)).param("lon", "120").param("lat", "30")
                        .param("kind", "SHELTER").param("k", "0"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("k"));
        mvc.perform(get("/api/resource/nearest").with(as(operator)).param("lon", "east").param("lat", "30")
                        .param("kind", "SHELTER"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/resource/within").with(as(operator)).param("west", "121").param("south", "30")
                        .param("east", "120").param("north", "31"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("bbox"));
        // without resource:view the lookup is forbidden
        mvc.perform(get("/api/resource/nearest").with(as(AsUser.user("nobody-resource", DataScope.all())))
                        .param("lon", "120").param("lat", "30").param("kind", "SHELTER"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aVillageCadreSeesOnlyTheResourcesOfTheirVillage() throws Exception {
        String village = jdbc.sql("SELECT substr(region_code, 1, 12) FROM resource_shelter ORDER BY region_code LIMIT 1")
                .query(String.class).single();
        CurrentUser cadre = AsUser.user("cadre-resource", DataScope.region(village), "resource:view");
        String json = mvc.perform(get("/api/resource/nearest").with(as(cadre)).param("lon", "120.25")
                        .param("lat", "30.05").param("kind", "SHELTER").param("k", "10"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> ids = JsonPath.read(json, "$[*].place.id");
        List<String> inVillage = jdbc.sql("SELECT id::text FROM resource_shelter WHERE region_code LIKE :v")
                .param("v", village + "%").query(String.class).list();
        assertThat(ids).isNotEmpty().allMatch(inVillage::contains);
        String outside = jdbc.sql("SELECT id::text FROM resource_shelter WHERE region_code NOT LIKE :v LIMIT 1")
                .param("v", village + "%").query(String.class).single();
        mvc.perform(get("/api/resource/shelters/{id}", outside).with(as(cadre))).andExpect(status().isNotFound());
    }

    private UUID insertShelter(String name, double lon, double lat) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO resource_shelter (id, name, level, capacity_day, capacity_night, address, lon, lat,
                            position, region_code)
                        VALUES (:id, :name, 'VILLAGE', 100, 50, 'test', :lon, :lat, point(:lon, :lat), '999')""")
                .param("id", id).param("name", name).param("lon", lon).param("lat", lat).update();
        return id;
    }
}

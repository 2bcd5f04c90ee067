package org.linyunzhi.hazard.internal.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.Waterway;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.UserDirectory;
import org.linyunzhi.registry.PlaceFilter;
import org.linyunzhi.registry.PlaceKind;
import org.linyunzhi.registry.RegistryApi;
import org.linyunzhi.registry.RegistryPlace;
import org.linyunzhi.testsupport.IntegrationTest;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Choosing a campaign's points from the registry: every accommodation business; every house within
 * 50 m of the base map's water, checked against a brute-force distance over every house; a polygon
 * drawn on the map; and the refusals (bad GeoJSON, not a polygon, crossing edges, no place at all).
 */
@IntegrationTest
@AutoConfigureMockMvc
class TargetSelectionTest {

    private static final GeometryFactory PLANE = new GeometryFactory();

    @Autowired
    TargetSelection targets;

    @Autowired
    RegistryApi registry;

    @Autowired
    GridApi grid;

    @Autowired
    UserDirectory users;

    @Autowired
    MockMvc mvc;

    @Test
    void everyAccommodationBusinessAndNothingElse() throws Exception {
        CurrentUser officer = InspectionFixtures.user(users, "officer", InspectionFixtures.OFFICER);
        PlaceFilter accommodation = new PlaceFilter(PlaceKind.ORGANISATION, Set.of("ACCOMMODATION"), null, null, null,
                null, null, null);
        int expected = registry.count(accommodation);
        assertThat(expected).isPositive();
        mvc.perform(post("/api/hazard/inspections/campaigns/preview").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ORGANISATION\",\"orgTypes\":[\"ACCOMMODATION\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.count").value(expected));
        List<RegistryPlace> chosen = targets.select(new TargetRequest("ORGANISATION", Set.of("ACCOMMODATION"), null,
                null, null, null, null));
        assertThat(chosen).hasSize(expected).allSatisfy(p -> assertThat(p.orgType()).isEqualTo("ACCOMMODATION"));
    }

    @Test
    void housesWithin50MetresOfWaterAreExactlyThoseABruteForceDistanceFinds() {
        List<Waterway> water = grid.waterways();
        assertThat(water).isNotEmpty().anySatisfy(w -> assertThat(w.kind()).isEqualTo("RIVER"));
        List<RegistryPlace> houses = registry.places(PlaceFilter.of(PlaceKind.HOUSE), 1_000_000);
        // metres on an equirectangular plane around the town: far below a metre of error over a few km
        double lat0 = houses.stream().mapToDouble(RegistryPlace::lat).average().orElseThrow();
        double lon0 = houses.stream().mapToDouble(RegistryPlace::lon).average().orElseThrow();
        double my = Math.PI * 6_371_008.8 / 180.0;
        double mx = my * Math.cos(Math.toRadians(lat0));
        List<Geometry> projected = new ArrayList<>();
        for (Waterway w : water) {
            Geometry g = w.geometry().copy();
            g.apply((Coordinate c) -> {
                c.x = (c.x - lon0) * mx;
                c.y = (c.y - lat0) * my;
            });
            g.geometryChanged();
            projected.add(g);
        }
        Set<UUID> brute = new HashSet<>();
        Set<UUID> borderline = new HashSet<>();
        for (RegistryPlace h : houses) {
            var point = PLANE.createPoint(new Coordinate((h.lon() - lon0) * mx, (h.lat() - lat0) * my));
            double d = projected.stream().mapToDouble(point::distance).min().orElseThrow();
            if (d <= 50) {
                brute.add(h.id());
            }
            if (Math.abs(d - 50) < 0.5) {
                borderline.add(h.id());
            }
        }
        Set<UUID> chosen = targets.select(new TargetRequest("HOUSE", null, null, null, null, null, 50.0)).stream()
                .map(RegistryPlace::id).collect(Collectors.toSet());
        assertThat(brute).isNotEmpty().hasSizeLessThan(houses.size());
        Set<UUID> differ = new HashSet<>(brute);
        differ.addAll(chosen);
        Set<UUID> both = new HashSet<>(brute);
        both.retainAll(chosen);
        differ.removeAll(both);
        // only a house half a metre from the 50 m line may fall either way with the two projections
        assertThat(differ).isSubsetOf(borderline);
    }

    @Test
    void aPolygonDrawnOnTheMapPicksThePlacesInsideIt() throws Exception {
        RegistryPlace some = registry.places(PlaceFilter.of(null), 1).get(0);
        double w = some.lon() - 0.004, e = some.lon() + 0.004, s = some.lat() - 0.003, n = some.lat() + 0.003;
        String polygon = "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}"
                .formatted(w, s, e, s, e, n, w, n, w, s);
        long inside = registry.places(PlaceFilter.of(null), 1_000_000).stream()
                .filter(p -> p.lon() >= w && p.lon() <= e && p.lat() >= s && p.lat() <= n).count();
        assertThat(inside).isPositive();
        assertThat(targets.count(new TargetRequest(null, null, null, null, null, polygon, null))).isEqualTo((int) inside);
        // a Feature around the polygon, as Leaflet's toGeoJSON writes it, is accepted too
        assertThat(targets.count(new TargetRequest(null, null, null, null, null,
                "{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + polygon + "}", null))).isEqualTo((int) inside);
    }

    @Test
    void badAreasAndEmptyTargetsAreRefusedNamingTheField() throws Exception {
        CurrentUser officer = InspectionFixtures.user(users, "officer", InspectionFixtures.OFFICER);
        preview(officer, "{\"area\":\"{not json\"}").andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("area"));
        preview(officer, "{\"area\":\"{\\\"type\\\":\\\"LineString\\\",\\\"coordinates\\\":[[120.2,30.0],[120.3,30.1]]}\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("area"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("LineString")));
        String bowtie = "{\\\"type\\\":\\\"Polygon\\\",\\\"coordinates\\\":[[[120.2,30.0],[120.3,30.1],[120.3,30.0],[120.2,30.1],[120.2,30.0]]]}";
        preview(officer, "{\"area\":\"" + bowtie + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("area"));
        preview(officer, "{\"orgTypes\":[\"SPACESHIP\"]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("target"));
        preview(officer, "{\"nearWaterMetres\":-5}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("nearWaterMetres"));

        String sea = "{\\\"type\\\":\\\"Polygon\\\",\\\"coordinates\\\":[[[150,10],[150.1,10],[150.1,10.1],[150,10.1],[150,10]]]}";
        mvc.perform(post("/api/hazard/inspections/campaigns").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Nothing there","type":"FIRE","startsOn":"2026-12-01","endsOn":"2099-12-31",
                                 "items":[{"text":"Exits clear"}],"target":{"area":"%s"}}""".formatted(sea)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("target"));
    }

    private org.springframework.test.web.servlet.ResultActions preview(CurrentUser user, String body) throws Exception {
        return mvc.perform(post("/api/hazard/inspections/campaigns/preview").with(as(user)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}

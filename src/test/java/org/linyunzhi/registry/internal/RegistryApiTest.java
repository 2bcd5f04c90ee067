package org.linyunzhi.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionLevel;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The places other modules pick inspection targets from, on the demo town: every place routed to a
 * micro-grid, organisations of the dedicated types inside dedicated micro-grids of that type, and
 * the filters (type, region, polygon, distance) agreeing with a check made by hand.
 */
@IntegrationTest
@AutoConfigureMockMvc // the same context as the other integration tests
class RegistryApiTest {

    static final GeometryFactory GEO = new GeometryFactory();

    @Autowired
    RegistryApi registry;

    @Autowired
    GridApi grid;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoTownHasAPlausibleRegistry() {
        int houses = registry.count(PlaceFilter.of(PlaceKind.HOUSE));
        int residents = jdbc.sql("SELECT count(*) FROM registry_resident").query(Integer.class).single();
        int accommodation = registry.count(new PlaceFilter(PlaceKind.ORGANISATION, Set.of("ACCOMMODATION"),
                null, null, null, null, null, null));
        assertThat(houses).isBetween(3000, 5000);
        assertThat(residents).isBetween(7500, 11000);
        assertThat(accommodation).isBetween(140, 170);
        for (String type : List.of("RESTAURANT", "FACTORY", "SCHOOL", "MARKET", "SHOP", "HOSPITAL", "CONSTRUCTION")) {
            assertThat(registry.count(new PlaceFilter(PlaceKind.ORGANISATION, Set.of(type), null, null, null, null,
                    null, null))).as(type).isPositive();
        }
        // every place is routed, and routing it again gives the same micro-grid
        List<RegistryPlace> some = registry.places(PlaceFilter.of(null), 300);
        assertThat(some).hasSize(300);
        for (RegistryPlace p : some) {
            assertThat(grid.locate(p.lon(), p.lat()).microGrid().code()).isEqualTo(p.regionCode());
        }
    }

    @Test
    void schoolsLieInTheirDedicatedSchoolMicroGrids() {
        List<RegistryPlace> schools = registry.places(new PlaceFilter(PlaceKind.ORGANISATION, Set.of("SCHOOL"), null,
                null, null, null, null, null), 100);
        assertThat(schools).isNotEmpty().allSatisfy(s -> {
            assertThat(s.dedicatedRegionCode()).isNotNull();
            var node = grid.node(s.dedicatedRegionCode()).orElseThrow();
            assertThat(node.level()).isEqualTo(RegionLevel.DEDICATED_MICRO_GRID);
            assertThat(node.name()).isEqualTo(s.name());
        });
    }

    @Test
    void placesAreOrderedAndFilteredByRegionAndUse() {
        RegistryPlace first = registry.places(PlaceFilter.of(PlaceKind.HOUSE), 1).get(0);
        String village = first.regionCode().substring(0, 12);
        List<RegistryPlace> rented = registry.places(new PlaceFilter(PlaceKind.HOUSE, null, "RESIDENTIAL", true,
                village, null, null, null), 10_000);
        assertThat(rented).isNotEmpty().allSatisfy(p -> {
            assertThat(p.regionCode()).startsWith(village);
            assertThat(p.rented()).isTrue();
            assertThat(p.houseUse()).isEqualTo("RESIDENTIAL");
        });
        assertThat(rented).isSortedAccordingTo((a, b) -> a.regionCode().equals(b.regionCode())
                ? a.name().compareTo(b.name()) : a.regionCode().compareTo(b.regionCode()));
        assertThat(registry.count(new PlaceFilter(PlaceKind.HOUSE, null, "RESIDENTIAL", true, village, null, null,
                null))).isEqualTo(rented.size());
        assertThat(registry.place(first.id())).contains(first);
    }

    @Test
    void polygonAndDistanceFiltersMatchAHandCount() {
        RegistryPlace centre = registry.places(PlaceFilter.of(PlaceKind.HOUSE), 2000).get(1000);
        // a 600 m square around a house, and a 300 m line through it
        double dLon = 300 / (LocalMetres.METRES_PER_DEGREE * Math.cos(Math.toRadians(centre.lat())));
        double dLat = 300 / LocalMetres.METRES_PER_DEGREE;
        Geometry square = GEO.toGeometry(new org.locationtech.jts.geom.Envelope(centre.lon() - dLon,
                centre.lon() + dLon, centre.lat() - dLat, centre.lat() + dLat));
        Geometry line = GEO.createLineString(new Coordinate[] {new Coordinate(centre.lon() - dLon, centre.lat()),
                new Coordinate(centre.lon() + dLon, centre.lat())});
        List<RegistryPlace> all = registry.places(PlaceFilter.of(null), 100_000);
        long inSquare = all.stream().filter(p -> square.covers(GEO.createPoint(new Coordinate(p.lon(), p.lat())))).count();
        // within 50 m of the line: |Δlat| ≤ 50 m and the longitude within the line's span (end caps aside)
        long nearLine = all.stream().filter(p -> Math.abs(p.lat() - centre.lat()) * LocalMetres.METRES_PER_DEGREE < 49.5
                && Math.abs(p.lon() - centre.lon()) < dLon).count();
        assertThat(registry.count(new PlaceFilter(null, null, null, null, null, square, null, null)))
                .isEqualTo((int) inSquare).isPositive();
        List<RegistryPlace> near = registry.places(new PlaceFilter(null, null, null, null, null, null, line, 50.0), 10_000);
        assertThat(near).contains(centre);
        assertThat(near.size()).isGreaterThanOrEqualTo((int) nearLine);
    }

    @Test
    void badFiltersAreRefused() {
        assertThatThrownBy(() -> registry.places(new PlaceFilter(PlaceKind.ORGANISATION, Set.of("CASINO"), null, null,
                null, null, null, null), 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CASINO");
        assertThatThrownBy(() -> registry.count(new PlaceFilter(null, null, null, null, null, null,
                GEO.createPoint(new Coordinate(120.25, 30.05)), null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.places(PlaceFilter.of(null), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.count(new PlaceFilter(null, null, null, null, "33%", null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

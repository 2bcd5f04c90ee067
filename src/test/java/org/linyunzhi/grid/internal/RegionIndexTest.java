package org.linyunzhi.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.grid.bench.SyntheticTown;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** The routing index against the obvious answer, on a constructed tree and on a whole synthetic town. */
class RegionIndexTest {

    @Test
    void aDedicatedMicroGridWinsAndOutsideIsNothing() {
        TestTree t = new TestTree("999999501", 100.0, 25.0);
        RegionIndex index = new RegionIndex(RegionIndex.regionsOf(t.json()), 1);
        assertThat(index.microGridAt(100.003, 25.013).code()).isEqualTo(t.grid() + "1001");
        assertThat(index.microGridAt(100.007, 25.017).code()).isEqualTo(t.grid() + "0001");
        assertThat(index.microGridAt(100.015, 25.005).code()).isEqualTo(t.grid() + "0004");
        assertThat(index.microGridAt(100.03, 25.01).code()).isEqualTo("9999995012010010001");
        assertThat(index.microGridAt(99.99, 25.01)).isNull();
        assertThat(index.microGridAt(100.05, 25.01)).isNull();
        // on the border between north-west and north-east the smaller code wins, every time
        assertThat(index.microGridAt(100.01, 25.015).code()).isEqualTo(t.grid() + "0001");
        assertThat(index.node(t.grid()).level()).isEqualTo(RegionLevel.GRID);
    }

    @Test
    void anEmptyIndexFindsNothing() {
        assertThat(new RegionIndex(List.of(), 0).microGridAt(0.5, 0.5)).isNull();
    }

    @Test
    void agreesWithAScanOfEveryPolygonOnAWholeTown() {
        List<RegionIndex.Region> regions = RegionIndex.regionsOf(SyntheticTown.featureCollection("999999502", 120.19, 30.0, 42));
        RegionIndex index = new RegionIndex(regions, 1);
        List<RegionIndex.Region> microGrids = regions.stream().filter(r -> r.node().level().isMicroGrid()).toList();
        assertThat(index.microGridCount()).isEqualTo(SyntheticTown.MICRO_GRIDS + SyntheticTown.DEDICATED);
        Envelope extent = new Envelope();
        microGrids.forEach(r -> extent.expandToInclude(r.boundary().getEnvelopeInternal()));
        Random random = new Random(3);
        int found = 0;
        for (int i = 0; i < 20_000; i++) {
            double x = extent.getMinX() + random.nextDouble() * extent.getWidth();
            double y = extent.getMinY() + random.nextDouble() * extent.getHeight();
            RegionNode expected = scan(microGrids, x, y);
            RegionNode actual = index.microGridAt(x, y);
            assertThat(actual).as("point %s %s", x, y).isEqualTo(expected);
            if (actual != null) found++;
        }
        assertThat(found).isGreaterThan(10_000);
    }

    /** Dedicated first, then the smallest code: the rule, spelled out the slow way. */
    private static RegionNode scan(List<RegionIndex.Region> microGrids, double x, double y) {
        Geometry point = GeoJson.FACTORY.createPoint(new Coordinate(x, y));
        return microGrids.stream().filter(r -> r.boundary().covers(point)).map(RegionIndex.Region::node)
                .min(java.util.Comparator.comparing((RegionNode n) -> n.level() != RegionLevel.DEDICATED_MICRO_GRID)
                        .thenComparing(RegionNode::code))
                .orElse(null);
    }
}

package org.linyunzhi.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.DedicatedType;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.VillageKind;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class RegionCodesTest {

    @Test
    void theExamplesOfTheConventionsAreValid() {
        assertThat(RegionCodes.check("330109107", RegionLevel.TOWN, null, null, null)).isEmpty();
        assertThat(RegionCodes.check("330109107201", RegionLevel.VILLAGE, "330109107", VillageKind.VILLAGE, null)).isEmpty();
        assertThat(RegionCodes.check("330109107201003", RegionLevel.GRID, "330109107201", null, null)).isEmpty();
        assertThat(RegionCodes.check("3301091072010030007", RegionLevel.MICRO_GRID, "330109107201003", null, null)).isEmpty();
        assertThat(RegionCodes.check("3301091072010032001", RegionLevel.DEDICATED_MICRO_GRID, "330109107201003", null,
                DedicatedType.SCHOOL)).isEmpty();
    }

    @Test
    void eachRuleIsChecked() {
        assertThat(type("33010910A", RegionLevel.TOWN, null, null, null)).isEqualTo(ImportProblem.Type.CODE_NOT_DIGITS);
        assertThat(type("330109000", RegionLevel.TOWN, null, null, null)).isEqualTo(ImportProblem.Type.CODE_SEGMENT_OUT_OF_RANGE);
        assertThat(type("330109107401", RegionLevel.VILLAGE, "330109107", null, null)).isEqualTo(ImportProblem.Type.CODE_SEGMENT_OUT_OF_RANGE);
        assertThat(type("330109107001", RegionLevel.VILLAGE, "330109107", VillageKind.VILLAGE, null)).isEqualTo(ImportProblem.Type.CODE_KIND_MISMATCH);
        assertThat(type("330109107201000", RegionLevel.GRID, "330109107201", null, null)).isEqualTo(ImportProblem.Type.CODE_SEGMENT_OUT_OF_RANGE);
        assertThat(type("330109107202003", RegionLevel.GRID, "330109107201", null, null)).isEqualTo(ImportProblem.Type.CODE_NOT_UNDER_PARENT);
        assertThat(type("3301091072010031007", RegionLevel.MICRO_GRID, "330109107201003", null, null)).isEqualTo(ImportProblem.Type.CODE_TYPE_DIGIT_MISMATCH);
        assertThat(type("3301091072010037001", RegionLevel.DEDICATED_MICRO_GRID, "330109107201003", null, null)).isEqualTo(ImportProblem.Type.CODE_TYPE_DIGIT_MISMATCH);
        assertThat(type("3301091072010030000", RegionLevel.MICRO_GRID, "330109107201003", null, null)).isEqualTo(ImportProblem.Type.CODE_SEGMENT_OUT_OF_RANGE);
    }

    private static ImportProblem.Type type(String code, RegionLevel level, String parent, VillageKind kind, DedicatedType type) {
        return RegionCodes.check(code, level, parent, kind, type).orElseThrow().type();
    }

    @Test
    void theAssignerReadsRowsNorthToSouthThenWestToEast() throws Exception {
        WKTReader wkt = new WKTReader();
        // a 3 × 2 block whose centroids wobble a little in latitude, given in shuffled order
        List<Geometry> cells = List.of(
                wkt.read("POLYGON((2 0, 3 0, 3 1, 2 1, 2 0))"),        // south-east
                wkt.read("POLYGON((0 1.05, 1 1.05, 1 2, 0 2, 0 1.05))"), // north-west, lower centroid
                wkt.read("POLYGON((1 1, 2 1, 2 2.1, 1 2.1, 1 1))"),     // north-middle, higher centroid
                wkt.read("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"),         // south-west
                wkt.read("POLYGON((2 1, 3 1, 3 2, 2 2, 2 1))"),         // north-east
                wkt.read("POLYGON((1 0, 2 0, 2 1, 1 1, 1 0))"));        // south-middle
        List<String> codes = CodeAssigner.number("330109107201003", RegionLevel.MICRO_GRID, null, null, cells, List.of());
        assertThat(codes).containsExactly("3301091072010030006", "3301091072010030001", "3301091072010030002",
                "3301091072010030004", "3301091072010030003", "3301091072010030005");
    }

    @Test
    void theAssignerSkipsTakenNumbersAndKeepsVillageRanges() throws Exception {
        WKTReader wkt = new WKTReader();
        List<Geometry> two = List.of(wkt.read("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"), wkt.read("POLYGON((1 0, 2 0, 2 1, 1 1, 1 0))"));
        assertThat(CodeAssigner.number("330109107", RegionLevel.VILLAGE, VillageKind.VILLAGE, null, two, List.of("330109107200")))
                .containsExactly("330109107201", "330109107202");
        assertThat(CodeAssigner.number("330109107201003", RegionLevel.DEDICATED_MICRO_GRID, null, DedicatedType.HOSPITAL, two, List.of()))
                .containsExactly("3301091072010034001", "3301091072010034002");
    }
}

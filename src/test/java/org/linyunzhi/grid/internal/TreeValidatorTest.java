package org.linyunzhi.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The import rules on real GeoJSON, without a database (the stored frame is empty). */
class TreeValidatorTest {

    private static final String TOWN = "999999101";

    private final TreeValidator validator = new TreeValidator(GridProperties.defaults());

    private List<ImportProblem> problems(TestTree tree) {
        return problems(tree.json());
    }

    private List<ImportProblem> problems(String json) {
        FeatureCollectionReader.Result read = FeatureCollectionReader.read(json);
        List<ImportProblem> all = new java.util.ArrayList<>(read.problems());
        all.addAll(validator.validate(read.features(), code -> TreeValidator.Surroundings.NONE).problems());
        return all;
    }

    private static TestTree tree() {
        return new TestTree(TOWN, 100.0, 25.0);
    }

    @Test
    void theStandardTreeIsValid() {
        assertThat(problems(tree())).isEmpty();
    }

    @Test
    void aBowTieIsRefusedWithTheLocationOfItsSelfIntersection() {
        TestTree t = tree();
        String nw = t.grid() + "0001";
        // corners in the order of a figure eight: the edges cross in the middle of the square
        t.replace(nw, f -> f.withGeometry(t.polygon(new double[][] {
                {0, 0.01}, {0.01, 0.02}, {0.01, 0.01}, {0, 0.02}, {0, 0.01}})));
        List<ImportProblem> found = problems(t);
        assertThat(found).extracting(ImportProblem::type).contains(ImportProblem.Type.INVALID_POLYGON);
        ImportProblem bowTie = found.stream().filter(p -> p.type() == ImportProblem.Type.INVALID_POLYGON).findFirst().orElseThrow();
        assertThat(bowTie.featureIndex()).isEqualTo(t.indexOf(nw));
        assertThat(bowTie.code()).isEqualTo(nw);
        assertThat(bowTie.args().get(0)).asString().containsIgnoringCase("self-intersection");
        assertThat((double) bowTie.args().get(1)).isCloseTo(100.005, org.assertj.core.data.Offset.offset(1e-6));
        assertThat((double) bowTie.args().get(2)).isCloseTo(25.015, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aCoordinateOutOfRangeIsNamed() {
        TestTree t = tree();
        t.replace(t.grid() + "0002", f -> f.withGeometry(
                "{\"type\":\"Polygon\",\"coordinates\":[[[100.01,25.01],[190.0,25.01],[100.02,25.02],[100.01,25.01]]]}"));
        assertThat(problems(t)).anySatisfy(p -> {
            assertThat(p.type()).isEqualTo(ImportProblem.Type.COORDINATE_OUT_OF_RANGE);
            assertThat(p.code()).isEqualTo(t.grid() + "0002");
            assertThat(p.args()).containsExactly(190.0, 25.01);
        });
    }

    @Test
    void latLonWrittenTheWrongWayRoundIsRecognised() {
        TestTree t = tree();
        // [lat, lon] with a longitude of 100 puts "latitude" out of range
        t.replace(t.grid() + "0003", f -> f.withGeometry(
                "{\"type\":\"Polygon\",\"coordinates\":[[[25.0,100.0],[25.0,100.01],[25.01,100.01],[25.01,100.0],[25.0,100.0]]]}"));
        assertThat(problems(t)).extracting(ImportProblem::type).contains(ImportProblem.Type.SWAPPED_COORDINATES);
    }

    @Test
    void swappedCoordinatesThatStayInRangeAreCaughtByPosition() {
        // a town at 60°E 30°N: swapped positions [30, 60] are valid numbers but far from the town
        TestTree t = new TestTree(TOWN, 60.0, 30.0);
        t.replace(t.grid() + "0004", f -> f.withGeometry(
                "{\"type\":\"Polygon\",\"coordinates\":[[[30.0,60.01],[30.01,60.01],[30.01,60.02],[30.0,60.02],[30.0,60.01]]]}"));
        List<ImportProblem> found = problems(t);
        assertThat(found).extracting(ImportProblem::type).containsExactly(ImportProblem.Type.SWAPPED_COORDINATES);
    }

    @Test
    void aChildOutsideItsParentIsRefusedWithTheArea() {
        TestTree t = tree();
        // the south-east micro-grid pushed 0.005° east, half of it into the east village
        t.replace(t.grid() + "0004", f -> f.withGeometry(t.box(0.015, 0, 0.025, 0.01)));
        List<ImportProblem> found = problems(t);
        ImportProblem outside = found.stream().filter(p -> p.type() == ImportProblem.Type.CHILD_OUTSIDE_PARENT)
                .findFirst().orElseThrow();
        assertThat(outside.code()).isEqualTo(t.grid() + "0004");
        assertThat(outside.args().get(0)).isEqualTo(t.grid());
        // 0.005° × 0.01° at 25°N ≈ 505 m × 1112 m
        assertThat((long) outside.args().get(1)).isBetween(500_000L, 620_000L);
    }

    @Test
    void overlappingSiblingsAreRefused() {
        TestTree t = tree();
        t.replace(t.grid() + "0002", f -> f.withGeometry(t.box(0.008, 0.01, 0.02, 0.02)));
        assertThat(problems(t)).anySatisfy(p -> {
            assertThat(p.type()).isEqualTo(ImportProblem.Type.SIBLINGS_OVERLAP);
            assertThat(p.code()).isEqualTo(t.grid() + "0002");
            assertThat(p.args().get(0)).isEqualTo(t.grid() + "0001");
        });
    }

    @Test
    void aDedicatedMicroGridAcrossTwoMicroGridsIsRefused() {
        TestTree t = tree();
        t.replace(t.grid() + "1001", f -> f.withGeometry(t.box(0.008, 0.012, 0.012, 0.014)));
        assertThat(problems(t)).anySatisfy(p -> {
            assertThat(p.type()).isEqualTo(ImportProblem.Type.DEDICATED_NOT_IN_ONE_MICRO_GRID);
            assertThat(p.args().get(0)).isEqualTo(0);
        });
    }

    @Test
    void badCodesAreRefusedWithTheRuleTheyBreak() {
        TestTree t = tree();
        // a community numbered in the villages' range, a micro-grid under another grid's code,
        // a dedicated micro-grid with the school digit but typed as an enterprise
        t.replace(TOWN + "001", f -> f.withCode(TOWN + "250"));
        t.replace(t.grid(), f -> new TestTree.Feature(f.code(), f.name(), f.level(), TOWN + "250", null, null, f.geometry()));
        List<ImportProblem> found = problems(t);
        assertThat(found).extracting(ImportProblem::type).contains(ImportProblem.Type.CODE_KIND_MISMATCH,
                ImportProblem.Type.CODE_NOT_UNDER_PARENT);

        TestTree u = tree();
        u.replace(u.grid() + "1001", f -> f.withCode(u.grid() + "2001"));
        assertThat(problems(u)).extracting(ImportProblem::type).containsExactly(ImportProblem.Type.CODE_TYPE_DIGIT_MISMATCH);

        TestTree v = tree();
        v.replace(v.grid() + "0003", f -> f.withCode(v.grid() + "003"));
        assertThat(problems(v)).extracting(ImportProblem::type).containsExactly(ImportProblem.Type.CODE_WRONG_LENGTH);
    }

    @Test
    void malformedJsonIsRefusedWithItsPosition() {
        List<ImportProblem> found = problems("{\"type\":\"FeatureCollection\",\n\"features\":[{\"type\":\"Feature\",}]}");
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(ImportProblem.Type.MALFORMED_JSON);
            assertThat(p.args().get(0)).isEqualTo(2);
        });
    }

    @Test
    void duplicateCodesUnknownParentsAndWrongLevelsAreNamed() {
        TestTree t = tree();
        t.add(t.grid() + "0002", "Copy", "MICRO_GRID", t.grid(), null, null, t.box(0.011, 0.011, 0.012, 0.012));
        t.add(TOWN + "001002", "Orphan", "GRID", TOWN + "009", null, null, t.box(0, 0, 0.001, 0.001));
        t.replace(TOWN + "201001", f -> new TestTree.Feature(f.code(), f.name(), "MICRO_GRID", f.parentCode(), null, null, f.geometry()));
        List<ImportProblem> found = problems(t);
        assertThat(found).extracting(ImportProblem::type).contains(ImportProblem.Type.DUPLICATE_CODE,
                ImportProblem.Type.SEVERAL_ROOTS, ImportProblem.Type.WRONG_PARENT_LEVEL);
    }

    @Test
    void missingPropertiesAndUnknownValuesAreNamed() {
        String json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[100,25]},"properties":{"code":"999999101","level":"TOWN"}},
                 {"type":"Feature","geometry":null,"properties":{"code":"999999101001","name":"x","level":"HAMLET","parentCode":"999999101"}}
                ]}""";
        assertThat(problems(json)).extracting(ImportProblem::type).contains(ImportProblem.Type.MISSING_PROPERTY,
                ImportProblem.Type.UNSUPPORTED_GEOMETRY, ImportProblem.Type.UNKNOWN_LEVEL);
    }

    @Test
    void missingCodesAreAssignedWestToEastNorthToSouth() {
        TestTree t = tree();
        for (String suffix : List.of("0001", "0002", "0003", "0004")) {
            t.replace(t.grid() + suffix, f -> f.withCode(null));
        }
        FeatureCollectionReader.Result read = FeatureCollectionReader.read(t.json());
        assertThat(validator.validate(read.features(), c -> TreeValidator.Surroundings.NONE).problems()).isEmpty();
        List<String> names = List.of("North-west", "North-east", "South-west", "South-east");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            TreeFeature f = read.features().stream().filter(x -> name.equals(x.name)).findFirst().orElseThrow();
            assertThat(f.code).isEqualTo(t.grid() + "000" + (i + 1));
        }
    }
}

package org.linyunzhi.grid.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.DedicatedType;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.VillageKind;
import org.linyunzhi.grid.internal.CodeAssigner;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo town as the import will see it: the FeatureCollection text is read back and checked
 * for the seed's numbers, the code scheme and an exact, valid tiling at every level.
 */
class DemoTownGeneratorTest {

    static DemoTownGenerator generator;
    static String json;
    /** Features read back from the JSON, by code, in file order. */
    static Map<String, Read> byCode = new LinkedHashMap<>();

    record Read(String code, String name, String level, String parentCode, String villageKind, String dedicatedType,
                Geometry degrees, Geometry metres) {
    }

    @BeforeAll
    static void generate() throws Exception {
        long start = System.nanoTime();
        generator = new DemoTownGenerator();
        json = generator.featureCollection();
        System.out.printf("demo town generated in %d ms, %d kB%n", (System.nanoTime() - start) / 1_000_000, json.length() / 1024);
        for (Feature f : features(json)) {
            Map<String, String> p = f.properties();
            byCode.put(p.get("code"), new Read(p.get("code"), p.get("name"), p.get("level"), p.get("parentCode"),
                    p.get("villageKind"), p.get("dedicatedType"), f.geometry(), LocalPlane.toMetres(f.geometry())));
        }
    }

    record Feature(Map<String, String> properties, Geometry geometry) {
    }

    /** Reads a FeatureCollection with a JSON parser and JTS's GeoJSON reader, independent of the writer. */
    static List<Feature> features(String collection) throws Exception {
        JsonNode root = JsonMapper.builder().build().readTree(collection);
        List<Feature> out = new ArrayList<>();
        GeoJsonReader reader = new GeoJsonReader();
        for (JsonNode f : root.get("features")) {
            Map<String, String> props = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : f.get("properties").properties()) {
                props.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString());
            }
            out.add(new Feature(props, reader.read(f.get("geometry").toString())));
        }
        return out;
    }

    static List<Read> level(String level) {
        return byCode.values().stream().filter(r -> r.level().equals(level)).toList();
    }

    static List<Read> children(String parent, String level) {
        return byCode.values().stream().filter(r -> parent.equals(r.parentCode()) && r.level().equals(level)).toList();
    }

    @Test
    void reproducesTheSeedsNumbers() {
        assertThat(level("TOWN")).singleElement().satisfies(t -> {
            assertThat(t.code()).isEqualTo("330109107");
            assertThat(t.name()).isEqualTo("临浦镇");
        });
        assertThat(level("VILLAGE")).hasSize(28);
        assertThat(level("VILLAGE").stream().filter(v -> "COMMUNITY".equals(v.villageKind()))).hasSize(8);
        assertThat(level("GRID")).hasSize(90);
        assertThat(level("MICRO_GRID")).hasSize(675);
        assertThat(level("DEDICATED_MICRO_GRID")).hasSize(177);
        Set<String> types = level("DEDICATED_MICRO_GRID").stream().map(Read::dedicatedType).collect(Collectors.toSet());
        assertThat(types).containsExactlyInAnyOrder("ENTERPRISE", "SCHOOL", "MARKET", "HOSPITAL", "CONSTRUCTION_SITE", "SCENIC_AREA");

        long people = generator.assignments().stream().map(a -> a.person().key()).distinct().count();
        // "合计配备网格力量2500余人": two thousand five hundred and some
        assertThat(people).isBetween(2500L, 2599L);
    }

    @Test
    void sitsAtLinpuWithATownsArea() {
        Read town = level("TOWN").get(0);
        double km2 = town.metres().getArea() / 1e6;
        assertThat(km2).isBetween(45.0, 50.0);
        Coordinate c = town.degrees().getCentroid().getCoordinate();
        assertThat(c.y).isCloseTo(30.05, org.assertj.core.data.Offset.offset(0.02));
        assertThat(c.x).isCloseTo(120.25, org.assertj.core.data.Offset.offset(0.02));
        assertThat(town.degrees().getNumPoints()).as("an irregular outline, not a box").isGreaterThan(60);
    }

    @Test
    void isTheSameEveryRun() {
        DemoTownGenerator again = new DemoTownGenerator();
        // compared as booleans: a failure message holding two 450 kB documents helps nobody
        assertThat(again.featureCollection().equals(json)).as("same region tree").isTrue();
        assertThat(again.baseLayers().equals(generator.baseLayers())).as("same base map").isTrue();
        assertThat(again.assignments()).isEqualTo(generator.assignments());
    }

    @Test
    void everyPolygonIsValidAndInsideItsParent() {
        for (Read r : byCode.values()) {
            assertThat(r.degrees().isValid()).as(r.code() + " valid").isTrue();
            assertThat(r.degrees().getGeometryType()).as(r.code()).isIn("Polygon", "MultiPolygon");
            if (r.parentCode() != null) {
                Read parent = byCode.get(r.parentCode());
                assertThat(parent).as(r.code() + "'s parent").isNotNull();
                assertThat(parent.degrees().covers(r.degrees())).as(r.code() + " inside " + parent.code()).isTrue();
            }
        }
    }

    @Test
    void ordinaryChildrenTileTheirParentWithoutGapsOrOverlaps() {
        Map<String, String> childLevel = Map.of("TOWN", "VILLAGE", "VILLAGE", "GRID", "GRID", "MICRO_GRID");
        for (Read parent : byCode.values()) {
            String level = childLevel.get(parent.level());
            if (level == null) {
                continue;
            }
            List<Read> kids = children(parent.code(), level);
            assertThat(kids).as(parent.code() + " has children").isNotEmpty();
            assertThat(CoverageValidator.isValid(kids.stream().map(Read::degrees).toArray(Geometry[]::new)))
                    .as(parent.code() + "'s children share exact edges").isTrue();
            double sum = 0;
            for (int i = 0; i < kids.size(); i++) {
                sum += kids.get(i).metres().getArea();
                for (int j = i + 1; j < kids.size(); j++) {
                    if (kids.get(i).metres().getEnvelopeInternal().intersects(kids.get(j).metres().getEnvelopeInternal())) {
                        double overlap = OverlayNGRobust.overlay(kids.get(i).metres(), kids.get(j).metres(), OverlayNG.INTERSECTION).getArea();
                        assertThat(overlap).as(kids.get(i).code() + " overlaps " + kids.get(j).code()).isLessThan(1.0);
                    }
                }
            }
            assertThat(sum).as(parent.code() + " covered by its children")
                    .isCloseTo(parent.metres().getArea(), org.assertj.core.data.Percentage.withPercentage(0.1));
        }
    }

    @Test
    void eachDedicatedMicroGridLiesInsideExactlyOneOrdinaryMicroGridOfItsGrid() {
        List<Read> dedicated = level("DEDICATED_MICRO_GRID");
        for (Read d : dedicated) {
            List<Read> hosts = children(d.parentCode(), "MICRO_GRID").stream()
                    .filter(m -> m.degrees().intersects(d.degrees())).toList();
            assertThat(hosts).as(d.code() + " hosts").hasSize(1);
            assertThat(hosts.get(0).degrees().contains(d.degrees())).isTrue();
            double area = d.metres().getArea();
            assertThat(area).as(d.code() + " is a compound, not a district").isBetween(500.0, 90_000.0);
            assertThat(d.name()).endsWith("专属微网格");
        }
        for (int i = 0; i < dedicated.size(); i++) {
            for (int j = i + 1; j < dedicated.size(); j++) {
                assertThat(dedicated.get(i).degrees().intersects(dedicated.get(j).degrees()))
                        .as(dedicated.get(i).code() + " vs " + dedicated.get(j).code()).isFalse();
            }
        }
    }

    @Test
    void codesFollowTheSchemeAndNamesTheLevel() {
        for (Read r : byCode.values()) {
            if (r.parentCode() != null) {
                assertThat(r.code()).startsWith(r.parentCode());
            }
            String own = r.parentCode() == null ? r.code() : r.code().substring(r.parentCode().length());
            switch (r.level()) {
                case "VILLAGE" -> {
                    int n = Integer.parseInt(own);
                    assertThat(own).hasSize(3);
                    if ("COMMUNITY".equals(r.villageKind())) {
                        assertThat(n).isBetween(1, 199);
                        assertThat(r.name()).endsWith("社区");
                    } else {
                        assertThat(n).isBetween(200, 399);
                        assertThat(r.name()).endsWith("村");
                    }
                }
                case "GRID" -> {
                    assertThat(own).matches("\\d{3}");
                    String village = byCode.get(r.parentCode()).name();
                    assertThat(r.name()).isEqualTo(village + "第" + Integer.parseInt(own) + "网格");
                }
                case "MICRO_GRID" -> {
                    assertThat(own).matches("0\\d{3}");
                    assertThat(r.name()).endsWith("-" + own.substring(2) + "微网格");
                }
                case "DEDICATED_MICRO_GRID" -> {
                    assertThat(own).matches("[1-6]\\d{3}");
                    assertThat(own.charAt(0)).isEqualTo(DedicatedType.valueOf(r.dedicatedType()).digit());
                }
                default -> assertThat(r.code()).isEqualTo("330109107");
            }
        }
    }

    @Test
    void siblingsAreNumberedFromOneWestToEastNorthToSouth() {
        Map<String, List<Read>> groups = new LinkedHashMap<>();
        for (Read r : byCode.values()) {
            if (r.parentCode() == null) {
                continue;
            }
            String kind = r.level() + ":" + (r.villageKind() != null ? r.villageKind() : "")
                    + (r.dedicatedType() != null ? r.dedicatedType() : "");
            groups.computeIfAbsent(r.parentCode() + "/" + kind, k -> new ArrayList<>()).add(r);
        }
        int checkedWithRows = 0;
        for (Map.Entry<String, List<Read>> g : groups.entrySet()) {
            List<Read> inCodeOrder = new ArrayList<>(g.getValue());
            inCodeOrder.sort(java.util.Comparator.comparing(Read::code));
            // sequences run 1..n without holes (villages from 201)
            int first = Integer.parseInt(inCodeOrder.get(0).code().substring(inCodeOrder.get(0).code().length() - 3));
            for (int i = 0; i < inCodeOrder.size(); i++) {
                String code = inCodeOrder.get(i).code();
                assertThat(Integer.parseInt(code.substring(code.length() - 3))).isEqualTo(first + i);
            }
            // the import numbers features that come without a code the same way
            Read any = inCodeOrder.get(0);
            List<String> renumbered = CodeAssigner.number(any.parentCode(), RegionLevel.valueOf(any.level()),
                    any.villageKind() == null ? null : VillageKind.valueOf(any.villageKind()),
                    any.dedicatedType() == null ? null : DedicatedType.valueOf(any.dedicatedType()),
                    inCodeOrder.stream().map(Read::metres).toList(), List.of());
            assertThat(renumbered).as(g.getKey()).isEqualTo(inCodeOrder.stream().map(Read::code).toList());
            if (inCodeOrder.size() >= 4) {
                // the first lies in the northern half, the last in the southern half
                double[] lats = inCodeOrder.stream().mapToDouble(r -> r.metres().getCentroid().getY()).sorted().toArray();
                double median = lats[lats.length / 2];
                assertThat(inCodeOrder.get(0).metres().getCentroid().getY()).isGreaterThanOrEqualTo(median);
                assertThat(inCodeOrder.get(inCodeOrder.size() - 1).metres().getCentroid().getY()).isLessThanOrEqualTo(median);
                checkedWithRows++;
            }
        }
        assertThat(checkedWithRows).isGreaterThan(100);
    }

    @Test
    void rostersAreCompleteExceptTheDeliberateGaps() {
        Map<String, Map<String, Integer>> roles = new HashMap<>();
        for (DemoStaffing.Assignment a : generator.assignments()) {
            assertThat(byCode).containsKey(a.nodeCode());
            roles.computeIfAbsent(a.nodeCode(), k -> new HashMap<>()).merge(a.role(), 1, Integer::sum);
        }
        int shortOfMember = 0;
        int withoutGuide = 0;
        for (Read r : byCode.values()) {
            Map<String, Integer> held = roles.getOrDefault(r.code(), Map.of());
            switch (r.level()) {
                case "GRID" -> {
                    assertThat(held.get("GRID_HEAD")).isEqualTo(1);
                    assertThat(held.get("FULL_TIME_WORKER")).isEqualTo(1);
                    assertThat(held.get("PART_TIME_WORKER")).isEqualTo(1);
                    assertThat(held.getOrDefault("PARTY_MEMBER", 0) + held.getOrDefault("VOLUNTEER", 0)).isGreaterThanOrEqualTo(3);
                    if (!held.containsKey("GRID_GUIDE")) {
                        withoutGuide++;
                    } else {
                        assertThat(held.get("GRID_GUIDE")).isEqualTo(1);
                    }
                }
                case "MICRO_GRID", "DEDICATED_MICRO_GRID" -> {
                    assertThat(held.get("MICRO_GRID_HEAD")).as(r.code()).isEqualTo(1);
                    if (held.get("MICRO_GRID_MEMBER") == 1) {
                        shortOfMember++;
                    } else {
                        assertThat(held.get("MICRO_GRID_MEMBER")).isEqualTo(2);
                    }
                }
                default -> assertThat(held).isEmpty();
            }
        }
        assertThat(shortOfMember).isEqualTo(6);
        assertThat(withoutGuide).isEqualTo(2);
    }

    @Test
    void peopleLookReal() {
        Map<String, DemoStaffing.Person> people = new HashMap<>();
        generator.assignments().forEach(a -> people.put(a.person().key(), a.person()));
        Set<String> phones = new HashSet<>();
        for (DemoStaffing.Person p : people.values()) {
            assertThat(p.phone()).matches("1[3-9]\\d{9}");
            assertThat(phones.add(p.phone())).as("phone numbers are unique").isTrue();
            assertThat(p.name()).matches("\\p{IsHan}{2,3}");
            assertThat(p.gender()).isIn("MALE", "FEMALE");
        }
        // a village cadre heads several grids: people hold roles in more than one node
        Map<String, Long> gridsHeaded = generator.assignments().stream().filter(a -> a.role().equals("GRID_HEAD"))
                .collect(Collectors.groupingBy(a -> a.person().key(), Collectors.counting()));
        assertThat(gridsHeaded.values()).anyMatch(n -> n > 1);
    }

    @Test
    void baseMapHasTheRiversRoadsAndWaterOfTheTown() throws Exception {
        Map<String, List<String>> namesByKind = new HashMap<>();
        Geometry town = level("TOWN").get(0).degrees();
        for (Feature f : features(generator.baseLayers())) {
            String name = f.properties().get("name");
            namesByKind.computeIfAbsent(f.properties().get("kind"), k -> new ArrayList<>()).add(name);
            assertThat(f.geometry().isValid()).as(name).isTrue();
            assertThat(f.geometry().getEnvelopeInternal().intersects(town.getEnvelopeInternal())).as(name).isTrue();
        }
        assertThat(namesByKind.keySet()).containsExactlyInAnyOrder("RIVER", "ROAD", "WATER");
        assertThat(namesByKind.get("RIVER")).contains("峙山河", "浦阳江");
        assertThat(namesByKind.get("ROAD")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(namesByKind.get("WATER")).contains("浦阳江");
    }

}

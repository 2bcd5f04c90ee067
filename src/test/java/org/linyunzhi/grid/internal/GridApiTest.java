package org.linyunzhi.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The grid API end to end on the real database. Every test imports its own town under county
 * 999999 (a code no real county has) and far from the demo town, so tests share the database safely.
 */
@IntegrationTest
@AutoConfigureMockMvc
class GridApiTest {

    static final CurrentUser ADMIN = AsUser.user("grid-admin", DataScope.all(), "grid:node:view", "grid:node:edit",
            "grid:node:import", "grid:staff:view", "grid:staff:edit", "grid:locate");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RosterImport rosterImport;

    ResultActions importTree(String json) throws Exception {
        return mvc.perform(post("/api/grid/tree/import").with(as(ADMIN)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    String export(String town) throws Exception {
        return mvc.perform(get("/api/grid/tree/export").param("root", town).with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void importsATreeAndServesNodesChildrenSearchAndExport() throws Exception {
        TestTree t = new TestTree("999999301", 101.0, 26.0);
        importTree(t.json()).andExpect(status().isOk())
                .andExpect(jsonPath("$.rootCode").value("999999301"))
                .andExpect(jsonPath("$.created").value(11));

        mvc.perform(get("/api/grid/nodes/{code}", t.grid() + "0001").with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("MICRO_GRID"))
                .andExpect(jsonPath("$.parentCode").value(t.grid()))
                .andExpect(jsonPath("$.path[*].code").value(contains("999999301", "999999301001", t.grid(), t.grid() + "0001")))
                .andExpect(jsonPath("$.bbox[0]").value(101.0))
                .andExpect(jsonPath("$.bbox[3]").value(26.02))
                .andExpect(jsonPath("$.centroid[0]").value(org.hamcrest.Matchers.closeTo(101.005, 1e-9)))
                // 0.01° × 0.01° at 26°N is about 1000 m × 1112 m
                .andExpect(jsonPath("$.areaM2").value(org.hamcrest.Matchers.closeTo(1_112_000.0, 15_000.0)))
                .andExpect(jsonPath("$.childCount").value(0));

        mvc.perform(get("/api/grid/nodes/{code}/children", t.grid()).with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(contains(t.grid() + "0001", t.grid() + "0002",
                        t.grid() + "0003", t.grid() + "0004", t.grid() + "1001")));

        mvc.perform(get("/api/grid/search").param("q", "Factory").with(as(ADMIN)))
                .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.hasItem(t.grid() + "1001")));
        mvc.perform(get("/api/grid/search").param("q", "999999301201").with(as(ADMIN)))
                .andExpect(jsonPath("$[0].code").value("999999301201"))
                .andExpect(jsonPath("$", hasSize(3)));

        // the export imports back unchanged
        String exported = export("999999301");
        importTree(exported).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.updated").value(0));
    }

    @Test
    void locateFindsTheDedicatedMicroGridFirstAndSaysWhenNothingHoldsThePoint() throws Exception {
        TestTree t = new TestTree("999999302", 102.0, 27.0);
        importTree(t.json()).andExpect(status().isOk());
        rosterImport.importRoster(List.of(
                new RosterEntry(t.grid() + "1001", "MICRO_GRID_HEAD", "p302-1", "Wang Fang", "F", "13800000001"),
                new RosterEntry(t.grid(), "GRID_HEAD", "p302-2", "Li Qiang", "男", "13800000002")));

        mvc.perform(get("/api/grid/locate").param("lon", "102.003").param("lat", "27.013").with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.found").value(true))
                .andExpect(jsonPath("$.microGrid.code").value(t.grid() + "1001"))
                .andExpect(jsonPath("$.microGrid.dedicatedType").value("ENTERPRISE"))
                .andExpect(jsonPath("$.grid.code").value(t.grid()))
                .andExpect(jsonPath("$.village.code").value("999999302001"))
                .andExpect(jsonPath("$.town.code").value("999999302"))
                .andExpect(jsonPath("$.responsible[0].role").value("MICRO_GRID_HEAD"))
                .andExpect(jsonPath("$.responsible[0].phone").value("13800000001"))
                .andExpect(jsonPath("$.responsible[1].role").value("GRID_HEAD"));

        mvc.perform(get("/api/grid/locate").param("lon", "102.007").param("lat", "27.017").with(as(ADMIN)))
                .andExpect(jsonPath("$.microGrid.code").value(t.grid() + "0001"));

        // a resident may route a report but does not see staff phones
        CurrentUser resident = AsUser.user("resident-302", DataScope.self(null, null), "grid:locate");
        mvc.perform(get("/api/grid/locate").param("lon", "102.003").param("lat", "27.013").with(as(resident)))
                .andExpect(jsonPath("$.responsible[0].name").value("Wang Fang"))
                .andExpect(jsonPath("$.responsible[0].phone").isEmpty());

        mvc.perform(get("/api/grid/locate").param("lon", "102.5").param("lat", "27.5").with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.found").value(false))
                .andExpect(jsonPath("$.microGrid").isEmpty());

        mvc.perform(get("/api/grid/locate").param("lon", "102").param("lat", "95").with(as(ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("lat")));
        mvc.perform(get("/api/grid/locate").param("lon", "east").param("lat", "27").with(as(ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/grid/locate").param("lon", "102").with(as(ADMIN)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theIndexFollowsAnImport() throws Exception {
        TestTree t = new TestTree("999999303", 103.0, 28.0);
        importTree(t.json()).andExpect(status().isOk());
        mvc.perform(get("/api/grid/locate").param("lon", "103.003").param("lat", "28.013").with(as(ADMIN)))
                .andExpect(jsonPath("$.microGrid.code").value(t.grid() + "1001"));
        // the factory closed: a new import without it routes the same point to the ordinary micro-grid
        importTree(t.remove(t.grid() + "1001").json()).andExpect(status().isOk())
                .andExpect(jsonPath("$.removed").value(1));
        mvc.perform(get("/api/grid/locate").param("lon", "103.003").param("lat", "28.013").with(as(ADMIN)))
                .andExpect(jsonPath("$.microGrid.code").value(t.grid() + "0001"));
    }

    @Autowired
    LiveRegionIndex liveIndex;

    @Test
    void aSubtreeImportReplacesOnlyThatSubtreeAndMustFitItsStoredFrame() throws Exception {
        TestTree t = new TestTree("999999313", 113.0, 38.0);
        importTree(t.json()).andExpect(status().isOk());
        String west = "999999313001";
        String grid = t.grid();

        // the west grid redrawn: two micro-grids (west and east halves) instead of four and a factory
        TestTree sub = new TestTree("999999313", 113.0, 38.0);
        sub.features.clear();
        sub.add(grid, "West grid", "GRID", west, null, null, sub.box(0, 0, 0.02, 0.02));
        sub.add(grid + "0001", "West half", "MICRO_GRID", grid, null, null, sub.box(0, 0, 0.01, 0.02));
        sub.add(null, "East half", "MICRO_GRID", grid, null, null, sub.box(0.01, 0, 0.02, 0.02));
        importTree(sub.json()).andExpect(status().isOk())
                .andExpect(jsonPath("$.rootCode").value(grid))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(2))
                .andExpect(jsonPath("$.removed").value(3));
        mvc.perform(get("/api/grid/nodes/{code}/children", grid).with(as(ADMIN)))
                .andExpect(jsonPath("$[*].name").value(contains("West half", "East half")));
        mvc.perform(get("/api/grid/locate").param("lon", "113.015").param("lat", "38.005").with(as(ADMIN)))
                .andExpect(jsonPath("$.microGrid.name").value("East half"));
        // the rest of the town is untouched
        mvc.perform(get("/api/grid/nodes/{code}", "9999993132010010001").with(as(ADMIN))).andExpect(status().isOk());

        // a redrawn east grid reaching into the stored west grid is refused against its stored sibling
        TestTree wide = new TestTree("999999313", 113.0, 38.0);
        wide.features.clear();
        wide.add("999999313201", "East village", "VILLAGE", "999999313", "VILLAGE", null, wide.box(0.015, 0, 0.04, 0.02));
        refused(t, wide.json(), ImportProblem.Type.SIBLINGS_OVERLAP, a -> expect(a,
                jsonPath("$.problems[0].message").value(containsString("999999313001"))));
    }

    @Test
    void anotherNodesChangeIsPickedUpByTheVersionCheck() throws Exception {
        TestTree t = new TestTree("999999312", 112.0, 37.0);
        importTree(t.json()).andExpect(status().isOk());
        CurrentUser viewer = AsUser.user("viewer-312", DataScope.all(), "grid:node:view", "grid:locate");
        mvc.perform(get("/api/grid/map/features").param("level", "DEDICATED_MICRO_GRID").param("zoom", "15")
                        .param("bbox", "112.0,37.0,112.04,37.02").with(as(viewer)))
                .andExpect(jsonPath("$.features[*].properties.code").value(contains(t.grid() + "1001")));
        // another application node of the cluster removes the factory: only the stored version tells us
        jdbc.sql("DELETE FROM grid_region_node WHERE code = :c").param("c", t.grid() + "1001").update();
        jdbc.sql("UPDATE grid_tree_state SET version = version + 1").update();
        mvc.perform(get("/api/grid/locate").param("lon", "112.003").param("lat", "37.013").with(as(viewer)))
                .andExpect(jsonPath("$.microGrid.code").value(t.grid() + "1001"));
        liveIndex.catchUpWithOtherNodes();
        mvc.perform(get("/api/grid/locate").param("lon", "112.003").param("lat", "37.013").with(as(viewer)))
                .andExpect(jsonPath("$.microGrid.code").value(t.grid() + "0001"));
        mvc.perform(get("/api/grid/map/features").param("level", "DEDICATED_MICRO_GRID").param("zoom", "15")
                        .param("bbox", "112.0,37.0,112.04,37.02").with(as(viewer)))
                .andExpect(jsonPath("$.features").isEmpty());
    }

    /** Every refused import answers 400 naming the feature, and leaves the stored tree as it was. */
    void refused(TestTree t, String json, ImportProblem.Type expected, Consumer<ResultActions> more) throws Exception {
        String before = export(t.town);
        long rowsBefore = jdbc.sql("SELECT count(*) FROM grid_region_node WHERE code LIKE :p").param("p", t.town + "%")
                .query(Long.class).single();
        ResultActions answer = importTree(json).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.problems[*].type").value(org.hamcrest.Matchers.hasItem(expected.name())));
        more.accept(answer);
        assertThat(export(t.town)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM grid_region_node WHERE code LIKE :p").param("p", t.town + "%")
                .query(Long.class).single()).isEqualTo(rowsBefore);
    }

    @Test
    void refusedImportsNameTheFeatureAndChangeNothing() throws Exception {
        TestTree stored = new TestTree("999999304", 104.0, 29.0);
        importTree(stored.json()).andExpect(status().isOk());
        String nw = stored.grid() + "0001";
        int nwIndex = stored.indexOf(nw);

        TestTree bowTie = new TestTree("999999304", 104.0, 29.0);
        bowTie.replace(nw, f -> f.withGeometry(bowTie.polygon(new double[][] {
                {0, 0.01}, {0.01, 0.02}, {0.01, 0.01}, {0, 0.02}, {0, 0.01}})));
        refused(stored, bowTie.json(), ImportProblem.Type.INVALID_POLYGON, a -> expect(a,
                jsonPath("$.problems[0].featureIndex").value(nwIndex),
                jsonPath("$.problems[0].code").value(nw),
                jsonPath("$.problems[0].message").value(containsString("Self-intersection"))));

        TestTree outOfRange = new TestTree("999999304", 104.0, 29.0);
        outOfRange.replace(nw, f -> f.withGeometry(
                "{\"type\":\"Polygon\",\"coordinates\":[[[104,29.01],[104.01,29.01],[104.01,91],[104,29.01]]]}"));
        refused(stored, outOfRange.json(), ImportProblem.Type.COORDINATE_OUT_OF_RANGE, a -> { });

        TestTree swapped = new TestTree("999999304", 104.0, 29.0);
        swapped.replace(nw, f -> f.withGeometry(
                "{\"type\":\"Polygon\",\"coordinates\":[[[29.01,104],[29.01,104.01],[29.02,104.01],[29.01,104]]]}"));
        refused(stored, swapped.json(), ImportProblem.Type.SWAPPED_COORDINATES, a -> { });

        TestTree outside = new TestTree("999999304", 104.0, 29.0);
        outside.replace(stored.grid() + "0004", f -> f.withGeometry(outside.box(0.015, 0, 0.025, 0.01)));
        refused(stored, outside.json(), ImportProblem.Type.CHILD_OUTSIDE_PARENT, a -> { });

        TestTree overlap = new TestTree("999999304", 104.0, 29.0);
        overlap.replace(stored.grid() + "0002", f -> f.withGeometry(overlap.box(0.008, 0.01, 0.02, 0.02)));
        refused(stored, overlap.json(), ImportProblem.Type.SIBLINGS_OVERLAP, a -> { });

        TestTree badCode = new TestTree("999999304", 104.0, 29.0);
        badCode.replace(nw, f -> f.withCode(stored.grid() + "7001"));
        refused(stored, badCode.json(), ImportProblem.Type.CODE_TYPE_DIGIT_MISMATCH, a -> { });

        refused(stored, "{\"type\":\"FeatureCollection\",\"features\":[", ImportProblem.Type.MALFORMED_JSON, a -> { });
    }

    private static void expect(ResultActions answer, org.springframework.test.web.servlet.ResultMatcher... matchers) {
        try {
            answer.andExpectAll(matchers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOversizedUploadIsRefusedWith413() throws Exception {
        byte[] huge = new byte[16 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        mvc.perform(post("/api/grid/tree/import").with(as(ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.problems[0].type").value("PAYLOAD_TOO_LARGE"));
        mvc.perform(multipart("/api/grid/tree/import").file(new MockMultipartFile("file", "big.geojson", "application/geo+json", huge))
                        .with(as(ADMIN)).with(csrf()))
                .andExpect(status().isPayloadTooLarge());
    }

    @Test
    void aMultipartUploadImportsToo() throws Exception {
        TestTree t = new TestTree("999999305", 105.0, 30.0);
        mvc.perform(multipart("/api/grid/tree/import")
                        .file(new MockMultipartFile("file", "tree.geojson", "application/geo+json", t.json().getBytes()))
                        .with(as(ADMIN)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.features").value(11));
    }

    @Test
    void aUserBoundToOneVillageSeesOnlyThatVillage() throws Exception {
        TestTree t = new TestTree("999999306", 106.0, 31.0);
        importTree(t.json()).andExpect(status().isOk());
        String west = "999999306001";
        CurrentUser cadre = AsUser.user("cadre-306", DataScope.region(west), "grid:node:view", "grid:staff:view");

        mvc.perform(get("/api/grid/nodes/{code}", "999999306201001").with(as(cadre)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/grid/nodes/{code}", "999999306").with(as(cadre))).andExpect(status().isNotFound());
        mvc.perform(get("/api/grid/nodes/{code}/children", "999999306").with(as(cadre))).andExpect(status().isNotFound());
        mvc.perform(get("/api/grid/nodes/{code}", t.grid()).with(as(cadre))).andExpect(status().isOk());
        mvc.perform(get("/api/grid/nodes/{code}/children", west).with(as(cadre)))
                .andExpect(jsonPath("$[*].code").value(contains(t.grid())));
        mvc.perform(get("/api/grid/search").param("q", "grid").with(as(cadre)))
                .andExpect(jsonPath("$[*].code").value(everyItem(startsWith(west))))
                .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.hasItem(t.grid())));
        mvc.perform(get("/api/grid/map/features").param("level", "GRID").param("zoom", "14").with(as(cadre)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
                .andExpect(jsonPath("$.features[*].properties.code").value(contains(t.grid())));
        mvc.perform(get("/api/grid/staffing").with(as(cadre)))
                .andExpect(jsonPath("$.villages[*].code").value(contains(west)));
        // a user without the permission is turned away whatever the scope
        CurrentUser nobody = AsUser.user("nobody-306", DataScope.all());
        mvc.perform(get("/api/grid/nodes/{code}", t.grid()).with(as(nobody))).andExpect(status().isForbidden());
    }

    @Test
    void mapFeaturesAreSimplifiedAndFilteredByViewport() throws Exception {
        TestTree t = new TestTree("999999307", 107.0, 32.0);
        importTree(t.json()).andExpect(status().isOk());
        mvc.perform(get("/api/grid/map/features").param("level", "MICRO_GRID").param("zoom", "15")
                        .param("bbox", "107.0,32.0,107.009,32.009").with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features[*].properties.code").value(contains(t.grid() + "0003")))
                .andExpect(jsonPath("$.features[0].properties.labelLon").value(107.005))
                .andExpect(jsonPath("$.features[0].properties.parentCode").value(t.grid()));
        mvc.perform(get("/api/grid/map/features").param("level", "HAMLET").with(as(ADMIN)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("level"));
        mvc.perform(get("/api/grid/map/features").param("level", "GRID").param("bbox", "1,2,3").with(as(ADMIN)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("bbox"));
    }

    @Test
    void rostersKeepTheirRulesAndStaffingListsWhatIsMissing() throws Exception {
        TestTree t = new TestTree("999999308", 108.0, 33.0);
        importTree(t.json()).andExpect(status().isOk());
        String nw = t.grid() + "0001";
        rosterImport.importRoster(List.of(
                new RosterEntry(nw, "MICRO_GRID_HEAD", "p308-1", "Zhao Lei", "MALE", "13900000001"),
                new RosterEntry(nw, "MICRO_GRID_MEMBER", "p308-2", "Qian Li", "FEMALE", "13900000002")));

        mvc.perform(get("/api/grid/staffing").param("under", "999999308001").with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.villages[0].shortOnes[?(@.code == '" + nw + "')].missing[0].role").value(contains("MICRO_GRID_MEMBER")))
                .andExpect(jsonPath("$.villages[0].shortOnes[?(@.code == '" + nw + "')].missing[0].holders").value(contains(1)));

        // a second head is refused, the second member fills the roster
        mvc.perform(post("/api/grid/nodes/{code}/roster", nw).with(as(ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"MICRO_GRID_HEAD\",\"name\":\"Sun Wu\",\"gender\":\"MALE\",\"phone\":\"13900000003\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post("/api/grid/nodes/{code}/roster", nw).with(as(ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"MICRO_GRID_MEMBER\",\"name\":\"Sun Wu\",\"gender\":\"MALE\",\"phone\":\"13900000003\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$", hasSize(3)));
        mvc.perform(post("/api/grid/nodes/{code}/roster", nw).with(as(ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"MICRO_GRID_MEMBER\",\"name\":\"Zhou Yu\",\"phone\":\"13900000004\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/grid/nodes/{code}/roster", nw).with(as(ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"GRID_HEAD\",\"name\":\"Zhou Yu\",\"phone\":\"call me\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("phone"));
        mvc.perform(get("/api/grid/staffing").param("under", "999999308001").with(as(ADMIN)))
                .andExpect(jsonPath("$.villages[0].shortOnes[?(@.code == '" + nw + "')]").isEmpty());

        // removing a member makes the micro-grid short again
        String id = jdbc.sql("SELECT a.id::text FROM grid_staff_assignment a JOIN grid_region_node n ON n.id = a.node_id "
                + "JOIN grid_staff_member s ON s.id = a.staff_id WHERE n.code = :c AND s.name = 'Sun Wu'").param("c", nw)
                .query(String.class).single();
        mvc.perform(delete("/api/grid/nodes/{code}/roster/{id}", nw, id).with(as(ADMIN)).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/grid/staffing").param("under", "999999308001").param("role", "MICRO_GRID_MEMBER").with(as(ADMIN)))
                .andExpect(jsonPath("$.villages[0].shortOnes[?(@.code == '" + nw + "')]").isNotEmpty());
    }

    @Test
    void theRosterImportIsAllOrNothing() {
        TestTree t = new TestTree("999999309", 109.0, 34.0);
        try {
            importTree(t.json()).andExpect(status().isOk());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String nw = t.grid() + "0001";
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(RosterImportException.class, () ->
                rosterImport.importRoster(List.of(
                        new RosterEntry(nw, "MICRO_GRID_HEAD", "p309-1", "Head One", "M", null),
                        new RosterEntry(nw, "MICRO_GRID_HEAD", "p309-2", "Head Two", "M", null),
                        new RosterEntry(t.grid(), "GRID_HEAD", "p309-3", "Grid Head", "M", null),
                        new RosterEntry("999999309999", "GRID_HEAD", "p309-4", "Nobody", "M", null))));
        assertThat(thrown.problems()).anySatisfy(p -> assertThat(p).contains("entry 1").contains("one MICRO_GRID_HEAD"));
        assertThat(thrown.problems()).anySatisfy(p -> assertThat(p).contains("entry 3").contains("unknown node"));
        assertThat(jdbc.sql("SELECT count(*) FROM grid_staff_member WHERE person_key LIKE 'p309-%'").query(Long.class).single())
                .isZero();
    }

    @Test
    void theCoverageReportFindsHolesAndOverlaps() throws Exception {
        TestTree t = new TestTree("999999310", 110.0, 35.0);
        // the south-east micro-grid is missing: a hole of a quarter of the west grid
        importTree(t.remove(t.grid() + "0004").json()).andExpect(status().isOk());
        // an overlap as legacy data may hold it: the north-east micro-grid widened westwards in place
        jdbc.sql("UPDATE grid_region_node SET boundary = CAST(:b AS jsonb) WHERE code = :c")
                .param("b", t.box(0.008, 0.01, 0.02, 0.02)).param("c", t.grid() + "0002").update();

        mvc.perform(get("/api/grid/coverage").param("root", "999999310").with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parents[*].code").value(contains(t.grid())))
                .andExpect(jsonPath("$.parents[0].holes", hasSize(1)))
                .andExpect(jsonPath("$.parents[0].holes[0].areaM2").value(org.hamcrest.Matchers.closeTo(1_000_000.0, 60_000.0)))
                .andExpect(jsonPath("$.parents[0].holes[0].lon").value(org.hamcrest.Matchers.closeTo(110.015, 0.005)))
                .andExpect(jsonPath("$.parents[0].overlaps", hasSize(1)))
                .andExpect(jsonPath("$.parents[0].overlaps[0].first").value(t.grid() + "0001"))
                .andExpect(jsonPath("$.parents[0].overlaps[0].second").value(t.grid() + "0002"))
                .andExpect(jsonPath("$.parents[0].overlaps[0].areaM2").value(org.hamcrest.Matchers.closeTo(202_500.0, 10_000.0)));
    }

    @Test
    void aBoundaryEditIsCheckedAgainstParentSiblingsAndChildren() throws Exception {
        TestTree t = new TestTree("999999311", 111.0, 36.0);
        importTree(t.json()).andExpect(status().isOk());
        String ne = t.grid() + "0002";
        int version = jdbc.sql("SELECT version FROM grid_region_node WHERE code = :c").param("c", ne).query(Integer.class).single();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/grid/nodes/{code}/boundary", ne)
                        .param("version", String.valueOf(version)).with(as(ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(t.box(0.005, 0.01, 0.02, 0.02)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].type").value("SIBLINGS_OVERLAP"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/grid/nodes/{code}/boundary", ne)
                        .param("version", String.valueOf(version)).with(as(ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(t.box(0.01, 0.012, 0.02, 0.02)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.bbox[1]").value(36.012));
        // the same version again is stale now
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/grid/nodes/{code}/boundary", ne)
                        .param("version", String.valueOf(version)).with(as(ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(t.box(0.01, 0.01, 0.02, 0.02)))
                .andExpect(status().isConflict());
        // shrinking the west grid would leave its micro-grids outside
        int gridVersion = jdbc.sql("SELECT version FROM grid_region_node WHERE code = :c").param("c", t.grid()).query(Integer.class).single();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/grid/nodes/{code}/boundary", t.grid())
                        .param("version", String.valueOf(gridVersion)).with(as(ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(t.box(0, 0, 0.02, 0.015)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[*].type").value(org.hamcrest.Matchers.hasItem("CHILD_OUTSIDE_PARENT")));
        mvc.perform(post("/api/grid/nodes/{code}/name", ne).with(as(ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"  \",\"version\":0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("name"));
    }
}

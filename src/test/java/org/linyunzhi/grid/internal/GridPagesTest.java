package org.linyunzhi.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The grid pages as a person sees them: texts in their language, fragments for htmx, errors inline. */
@IntegrationTest
@AutoConfigureMockMvc
class GridPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    RegionTreeImport treeImport;

    @Autowired
    RosterImport rosterImport;

    @Test
    void theTreeLoadsBranchByBranchAndShowsANode() throws Exception {
        TestTree t = new TestTree("999999401", 111.0, 37.0);
        treeImport.importTree(t.json());
        CurrentUser cadre = AsUser.user("cadre-401", DataScope.region("999999401"), "grid:node:view", "grid:staff:view");

        String page = mvc.perform(get("/grid/nodes").with(as(cadre)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Test town 999999401").contains("区划网格")
                .doesNotContain("West grid"); // branches are not in the page until opened

        mvc.perform(get("/grid/nodes/{c}/children", "999999401").with(as(cadre)).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("West community")))
                .andExpect(content().string(not(containsString("<html"))));

        mvc.perform(get("/grid/nodes/{c}", t.grid() + "1001").with(as(cadre)).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dedicated micro-grid")))
                .andExpect(content().string(containsString("Enterprise")))
                .andExpect(content().string(containsString(t.grid() + "1001")))
                .andExpect(content().string(containsString("West grid"))); // the parent chain

        mvc.perform(get("/grid/nodes/{c}", t.grid()).with(as(cadre)).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("North-west")))
                .andExpect(content().string(not(containsString("<html"))));

        CurrentUser other = AsUser.user("cadre-401b", DataScope.region("999999401201"), "grid:node:view");
        mvc.perform(get("/grid/nodes/{c}", t.grid()).with(as(other))).andExpect(status().isNotFound());
    }

    @Test
    void editsShowTheirErrorsBesideTheForm() throws Exception {
        TestTree t = new TestTree("999999402", 112.0, 38.0);
        treeImport.importTree(t.json());
        CurrentUser editor = AsUser.user("editor-402", DataScope.all(), "grid:node:view", "grid:node:edit",
                "grid:staff:view", "grid:staff:edit");
        String nw = t.grid() + "0001";

        mvc.perform(post("/grid/nodes/{c}/name", nw).param("name", "Old street").param("version", "0")
                        .with(as(editor)).with(csrf()))
                .andExpect(redirectedUrl("/grid/nodes/" + nw));
        // version 0 is stale now
        mvc.perform(post("/grid/nodes/{c}/name", nw).param("name", "New street").param("version", "0")
                        .with(as(editor)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该节点已被他人修改")))
                .andExpect(content().string(containsString("value=\"New street\"")));

        mvc.perform(multipart("/grid/nodes/{c}/boundary", nw)
                        .file(new MockMultipartFile("file", "b.geojson", "application/geo+json",
                                t.box(0, 0.01, 0.015, 0.02).getBytes()))
                        .param("version", "1").param("lang", "en").with(as(editor)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("overlaps its sibling " + t.grid() + "0002")));

        rosterImport.importRoster(List.of(new RosterEntry(nw, "MICRO_GRID_HEAD", "p402", "Head", "M", "13700000001")));
        mvc.perform(post("/grid/nodes/{c}/roster", nw).param("role", "MICRO_GRID_HEAD").param("name", "Second head")
                        .param("phone", "13700000002").param("lang", "en").with(as(editor)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("already has its Micro-grid head")))
                .andExpect(content().string(containsString("value=\"Second head\"")));
    }

    @Test
    void theImportPageListsEveryProblemAndTheCoverage() throws Exception {
        TestTree t = new TestTree("999999403", 113.0, 39.0);
        CurrentUser importer = AsUser.user("importer-403", DataScope.all(), "grid:node:view", "grid:node:import");
        t.replace(t.grid() + "0002", f -> f.withGeometry(t.box(0.008, 0.01, 0.02, 0.02)));
        mvc.perform(multipart("/grid/import").file(new MockMultipartFile("file", "t.geojson", "application/geo+json", t.json().getBytes()))
                        .param("lang", "en").with(as(importer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing was imported: 1 problem(s).")))
                .andExpect(content().string(containsString("overlaps its sibling " + t.grid() + "0001")));

        TestTree holed = new TestTree("999999403", 113.0, 39.0).remove(t.grid() + "0004");
        mvc.perform(multipart("/grid/import").file(new MockMultipartFile("file", "t.geojson", "application/geo+json", holed.json().getBytes()))
                        .param("lang", "en").with(as(importer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Imported 999999403: 10 features, 10 new")))
                .andExpect(content().string(containsString("1 of 5 parents have holes or overlaps.")));
    }

    @Test
    void theStaffingPageListsShortRostersByVillage() throws Exception {
        TestTree t = new TestTree("999999404", 114.0, 40.0);
        treeImport.importTree(t.json());
        rosterImport.importRoster(List.of(
                new RosterEntry(t.grid() + "0001", "MICRO_GRID_HEAD", "p404-1", "Head", "M", null),
                new RosterEntry(t.grid() + "0001", "MICRO_GRID_MEMBER", "p404-2", "Member", "F", null)));
        CurrentUser viewer = AsUser.user("viewer-404", DataScope.region("999999404"), "grid:staff:view");
        mvc.perform(get("/grid/staffing").param("under", "999999404001").param("lang", "en").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("West community")))
                .andExpect(content().string(containsString("Micro-grid member: 1 of 2")))
                .andExpect(content().string(containsString("Grid head: 0 of 1")));
        mvc.perform(get("/grid/staffing").param("role", "GRID_HEAD").with(as(viewer)).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("East grid")))
                .andExpect(content().string(not(containsString("North-west"))));
    }
}

package org.linyunzhi.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.identity.RegionDirectory;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** What other modules see of the grid: GridApi, identity's RegionDirectory, and imports bounded by scope. */
@IntegrationTest
@AutoConfigureMockMvc
class GridModuleApiTest {

    @Autowired
    GridApi grid;

    @Autowired
    RegionDirectory directory;

    @Autowired
    RegionTreeImport treeImport;

    @Autowired
    MockMvc mvc;

    @Test
    void otherModulesWalkTheTreeAndRoutePoints() {
        TestTree t = new TestTree("999999531", 118.0, 32.0);
        treeImport.importTree(t.json());

        RegionNode dedicated = grid.node(t.grid() + "1001").orElseThrow();
        assertThat(dedicated.level()).isEqualTo(RegionLevel.DEDICATED_MICRO_GRID);
        assertThat(dedicated.parentCode()).isEqualTo(t.grid());
        assertThat(grid.children("999999531")).extracting(RegionNode::code).containsExactly("999999531001", "999999531201");
        assertThat(grid.children(null)).extracting(RegionNode::code).contains("999999531");
        assertThat(grid.node("999999531999")).isEmpty();

        var at = grid.locate(118.015, 32.015);
        assertThat(at.found()).isTrue();
        assertThat(at.microGrid().code()).isEqualTo(t.grid() + "0002");
        assertThat(at.village().code()).isEqualTo("999999531001");
        assertThatThrownBy(() -> grid.locate(181, 32)).isInstanceOf(IllegalArgumentException.class);
        // the same place without asking who is responsible there
        var place = grid.placeOf(118.015, 32.015);
        assertThat(place.microGrid()).isEqualTo(at.microGrid());
        assertThat(place.village()).isEqualTo(at.village());
        assertThat(place.responsible()).isEmpty();
        assertThat(grid.placeOf(0.5, 0.5).found()).isFalse();
        assertThatThrownBy(() -> grid.placeOf(10, 91)).isInstanceOf(IllegalArgumentException.class);

        assertThat(directory.find(t.grid())).hasValueSatisfying(r -> {
            assertThat(r.level()).isEqualTo("GRID");
            assertThat(r.hasChildren()).isTrue();
        });
        assertThat(directory.children(t.grid())).extracting(RegionDirectory.Region::code).first().isEqualTo(t.grid() + "0001");
        assertThat(directory.children(null)).extracting(RegionDirectory.Region::code).contains("999999531");
        assertThat(directory.find("nonsense")).isEmpty();
    }

    @Test
    void anImporterMayReplaceOnlyTheirOwnSubtree() throws Exception {
        TestTree t = new TestTree("999999532", 119.0, 33.0);
        CurrentUser villageImporter = AsUser.user("importer-602", DataScope.region("999999532001"), "grid:node:import");
        mvc.perform(post("/api/grid/tree/import").with(as(villageImporter)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(t.json()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].type").value("ROOT_OUT_OF_SCOPE"));
        assertThat(grid.node("999999532")).isEmpty();
    }
}

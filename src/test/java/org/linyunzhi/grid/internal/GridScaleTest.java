package org.linyunzhi.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.bench.SyntheticTown;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A whole town at the seed's scale (965 nodes, 852 micro-grids) through import, coverage, map
 * layer and routing, with the times printed for docs/benchmarks.md.
 */
@IntegrationTest
@AutoConfigureMockMvc
class GridScaleTest {

    @Autowired
    RegionTreeImport treeImport;

    @Autowired
    CoverageReport coverage;

    @Autowired
    GridApi grid;

    @Autowired
    MockMvc mvc;

    @Test
    void aWholeTownImportsInSecondsAndServesItsMapAndRouting() throws Exception {
        String town = SyntheticTown.featureCollection("999997101", 115.0, 30.05, 42);

        long t0 = System.nanoTime();
        ImportResult result = treeImport.importTree(town);
        long importMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(result.features()).isEqualTo(1 + SyntheticTown.VILLAGES + SyntheticTown.GRIDS
                + SyntheticTown.MICRO_GRIDS + SyntheticTown.DEDICATED);
        assertThat(importMs).as("import of a whole town").isLessThan(10_000);

        long t1 = System.nanoTime();
        ImportResult again = treeImport.importTree(town);
        long reimportMs = (System.nanoTime() - t1) / 1_000_000;
        assertThat(again.updated()).isZero();

        long t2 = System.nanoTime();
        CoverageReport.Report report = coverage.of("999997101");
        long coverageMs = (System.nanoTime() - t2) / 1_000_000;
        assertThat(report.parentsChecked()).isEqualTo(1 + SyntheticTown.VILLAGES + SyntheticTown.GRIDS);
        assertThat(report.parents()).isEmpty();

        var admin = AsUser.user("scale", DataScope.all(), "grid:node:view");
        long t3 = System.nanoTime();
        String layer = mvc.perform(get("/api/grid/map/features").param("level", "MICRO_GRID").param("zoom", "14").with(as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long firstLayerMs = (System.nanoTime() - t3) / 1_000_000;
        long t4 = System.nanoTime();
        mvc.perform(get("/api/grid/map/features").param("level", "MICRO_GRID").param("zoom", "14").with(as(admin)))
                .andExpect(status().isOk());
        long cachedLayerMs = (System.nanoTime() - t4) / 1_000_000;
        assertThat(layer.split("\"level\":\"MICRO_GRID\"").length - 1).isGreaterThanOrEqualTo(SyntheticTown.MICRO_GRIDS);

        // every interior point of a micro-grid routes to it (or to a dedicated micro-grid inside it)
        var regions = RegionIndex.regionsOf(town);
        int checked = 0;
        for (RegionIndex.Region r : regions) {
            if (r.node().level() != RegionLevel.MICRO_GRID) continue;
            var p = r.boundary().getInteriorPoint();
            var at = grid.locate(p.getX(), p.getY());
            assertThat(at.found()).isTrue();
            assertThat(at.microGrid().code()).startsWith(r.node().code().substring(0, 15));
            assertThat(at.town().code()).isEqualTo("999997101");
            checked++;
        }
        assertThat(checked).isEqualTo(SyntheticTown.MICRO_GRIDS);

        System.out.printf("GRID-SCALE import=%d ms, re-import=%d ms, coverage=%d ms, micro-grid layer z14 first=%d ms cached=%d ms (%d bytes)%n",
                importMs, reimportMs, coverageMs, firstLayerMs, cachedLayerMs, layer.length());
    }
}

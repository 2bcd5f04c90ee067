package org.linyunzhi.grid.internal.demo;

import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.internal.ImportResult;
import org.linyunzhi.grid.internal.RegionTreeImport;
import org.linyunzhi.grid.internal.RosterImport;
import org.linyunzhi.grid.internal.map.BaseLayerImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * With the demo profile, fills an empty platform with the demo town through the same imports a
 * real town uses: the region tree, then the roster, then the offline base map. What is already
 * there is left alone, so a restart keeps the data people changed; a start that stopped halfway
 * finishes the missing parts. Runs early ({@code @Order(10)}) because other modules' demo data
 * hangs off the town's nodes.
 */
@Component
@Profile("demo")
@Order(10)
class DemoTownLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTownLoader.class);

    private final GridApi grid;
    private final RegionTreeImport treeImport;
    private final RosterImport rosterImport;
    private final BaseLayerImport baseLayerImport;
    private final JdbcClient jdbc;

    DemoTownLoader(GridApi grid, RegionTreeImport treeImport, RosterImport rosterImport,
                   BaseLayerImport baseLayerImport, JdbcClient jdbc) {
        this.grid = grid;
        this.treeImport = treeImport;
        this.rosterImport = rosterImport;
        this.baseLayerImport = baseLayerImport;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean town = grid.node(DemoTownGenerator.TOWN_CODE).isPresent();
        boolean staffed = town && hasStaff();
        boolean baseMap = !baseLayerImport.isEmpty();
        if (town && staffed && baseMap) {
            log.info("Demo town {} is already loaded; left as it is", DemoTownGenerator.TOWN_CODE);
            return;
        }
        long start = System.nanoTime();
        DemoTownGenerator demo = new DemoTownGenerator();
        long generated = System.nanoTime();
        if (!town) {
            ImportResult tree = treeImport.importTree(demo.featureCollection());
            log.info("Demo town: imported {} region nodes", tree.features());
        }
        long treeDone = System.nanoTime();
        if (!staffed) {
            RosterImport.Result roster = rosterImport.importRoster(demo.roster());
            log.info("Demo town: imported {} people in {} roles on {} nodes", roster.people(), roster.assignments(), roster.nodes());
        }
        long rosterDone = System.nanoTime();
        if (!baseMap) {
            BaseLayerImport.Result layers = baseLayerImport.importLayers(demo.baseLayers());
            log.info("Demo town: imported {} base-map features", layers.features());
        }
        long end = System.nanoTime();
        log.info("Demo town loaded in {} ms (generate {} ms, tree {} ms, roster {} ms, base map {} ms)",
                ms(end - start), ms(generated - start), ms(treeDone - generated), ms(rosterDone - treeDone), ms(end - rosterDone));
    }

    /** Whether anyone holds a role in the town: the roster import ran to its end before. */
    private boolean hasStaff() {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM grid_staff_assignment a JOIN grid_region_node n ON n.id = a.node_id
                                WHERE n.code LIKE :prefix)""")
                .param("prefix", DemoTownGenerator.TOWN_CODE + "%")
                .query(Boolean.class).single();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}

package org.linyunzhi.hazard.internal.hazards;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.Location;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;

/** People and places for hazard tests in the demo town, away from the demo users of the first village. */
final class HazardFixtures {

    static final String TOWN = "330109107";
    static final String[] CADRE = {"hazard:view", "hazard:report", "hazard:order", "hazard:rectify", "hazard:verify"};
    static final String[] WORKER = {"hazard:view", "hazard:report", "hazard:rectify"};

    private HazardFixtures() {
    }

    /** The n-th village from the end of the town (0: the last). */
    static RegionNode village(GridApi grid, int fromEnd) {
        List<RegionNode> villages = grid.children(TOWN);
        return villages.get(villages.size() - 1 - fromEnd);
    }

    static CurrentUser cadre(String region) {
        return AsUser.user("hz-cadre-" + UUID.randomUUID(), DataScope.region(region), CADRE);
    }

    static CurrentUser worker(String region) {
        return AsUser.user("hz-worker-" + UUID.randomUUID(), DataScope.region(region), WORKER);
    }

    /** A point whose micro-grid lies under the prefix, found on a lattice over the town. */
    static double[] pointIn(GridApi grid, String prefix) {
        return scan(grid, code -> code.startsWith(prefix));
    }

    private static double[] scan(GridApi grid, Predicate<String> wanted) {
        for (double lat = 29.99; lat < 30.12; lat += 0.003) {
            for (double lon = 120.17; lon < 120.33; lon += 0.003) {
                Location at = grid.locate(lon, lat);
                if (at.found() && wanted.test(at.microGrid().code())) {
                    return new double[] {lon, lat};
                }
            }
        }
        throw new IllegalStateException("no point found on the lattice");
    }
}

package org.linyunzhi.task.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.Location;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;

/**
 * People and places for task tests in the demo town. Tests work in the town's last villages, away
 * from the demo users of the first village, and each makes its own users with unique names.
 */
final class TaskFixtures {

    static final String TOWN = "330109107";
    static final String[] OFFICER = {"task:view", "task:create", "task:dispatch", "task:review", "task:campaign",
            "task:supervise", "task:export", "task:urge"};
    static final String[] WORKER = {"task:view", "task:do"};

    private TaskFixtures() {
    }

    /** The n-th village from the end of the town (0: the last). */
    static RegionNode village(GridApi grid, int fromEnd) {
        List<RegionNode> villages = grid.children(TOWN);
        return villages.get(villages.size() - 1 - fromEnd);
    }

    static CurrentUser officer(String name, UUID department) {
        return AsUser.user(name + "-" + UUID.randomUUID(), DataScope.department(department, TOWN), OFFICER);
    }

    static CurrentUser worker(String name, String region) {
        return AsUser.user(name + "-" + UUID.randomUUID(), DataScope.region(region), WORKER);
    }

    /** A point whose micro-grid lies under the prefix, found on a lattice over the town. */
    static double[] pointIn(GridApi grid, String prefix) {
        return scan(grid, code -> code.startsWith(prefix));
    }

    static double[] pointOutside(GridApi grid, String prefix) {
        return scan(grid, code -> !code.startsWith(prefix));
    }

    private static double[] scan(GridApi grid, java.util.function.Predicate<String> wanted) {
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

    static Instant inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    static String newTaskJson(String name, String region, Instant deadline) {
        return """
                {"name":"%s","description":"from a test","type":"PATROL","priority":"HIGH","deadline":"%s",
                 "regionCode":"%s","dispatch":true}""".formatted(name, deadline, region);
    }
}

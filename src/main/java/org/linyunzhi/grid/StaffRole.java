package org.linyunzhi.grid;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The roles people hold on a node. A grid is staffed "1+3+N": one grid head (网格长), one full-time
 * worker (专职网格员), one part-time worker (兼职网格员) and one grid guide (网格指导员, usually an
 * auxiliary policeman), plus any number of volunteers and party members. A micro-grid, ordinary or
 * dedicated, is staffed "一长两员": one head and two members.
 */
public enum StaffRole {
    GRID_HEAD(Set.of(RegionLevel.GRID), 1, 1),
    FULL_TIME_WORKER(Set.of(RegionLevel.GRID), 1, 1),
    PART_TIME_WORKER(Set.of(RegionLevel.GRID), 1, 1),
    GRID_GUIDE(Set.of(RegionLevel.GRID), 1, 1),
    VOLUNTEER(Set.of(RegionLevel.GRID), 0, Integer.MAX_VALUE),
    PARTY_MEMBER(Set.of(RegionLevel.GRID), 0, Integer.MAX_VALUE),
    MICRO_GRID_HEAD(Set.of(RegionLevel.MICRO_GRID, RegionLevel.DEDICATED_MICRO_GRID), 1, 1),
    MICRO_GRID_MEMBER(Set.of(RegionLevel.MICRO_GRID, RegionLevel.DEDICATED_MICRO_GRID), 2, 2);

    private final Set<RegionLevel> levels;
    private final int required;
    private final int maximum;

    StaffRole(Set<RegionLevel> levels, int required, int maximum) {
        this.levels = levels;
        this.required = required;
        this.maximum = maximum;
    }

    public boolean appliesTo(RegionLevel level) {
        return levels.contains(level);
    }

    /** How many holders a complete roster has. */
    public int required() {
        return required;
    }

    /** How many holders a node may have at most. */
    public int maximum() {
        return maximum;
    }

    public static List<StaffRole> forLevel(RegionLevel level) {
        return Arrays.stream(values()).filter(r -> r.appliesTo(level)).toList();
    }
}

package org.linyunzhi.grid;

import java.util.List;
import java.util.Map;

/**
 * The grid spine in numbers for a part of the tree: what the home dashboard and the leaders'
 * screens show. Counted from the stored tree and rosters at the time of asking.
 *
 * @param nodes          nodes per level
 * @param staff          distinct people holding at least one role
 * @param assignments    roles held (one person may hold several)
 * @param shortNodes     grids and micro-grids whose roster misses a required role
 * @param villages       per village/community: grids, micro-grids, dedicated micro-grids, people
 */
public record GridOverview(Map<RegionLevel, Integer> nodes, int staff, int assignments, int shortNodes,
                           List<VillageFigures> villages) {

    public int count(RegionLevel level) {
        return nodes.getOrDefault(level, 0);
    }

    public record VillageFigures(String code, String name, int grids, int microGrids, int dedicatedMicroGrids,
                                 int staff) {
    }
}

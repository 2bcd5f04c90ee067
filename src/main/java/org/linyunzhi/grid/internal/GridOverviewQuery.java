package org.linyunzhi.grid.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.linyunzhi.grid.GridOverview;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts the tree and its rosters for {@link org.linyunzhi.grid.GridApi#overview}, a few aggregate queries. */
@Component
class GridOverviewQuery {

    private final JdbcClient jdbc;
    private final StaffingCompleteness completeness;

    GridOverviewQuery(JdbcClient jdbc, StaffingCompleteness completeness) {
        this.jdbc = jdbc;
        this.completeness = completeness;
    }

    GridOverview overview(DataScope scope) {
        var in = scope.predicate("n.code");
        Map<RegionLevel, Integer> nodes = new EnumMap<>(RegionLevel.class);
        jdbc.sql("SELECT n.level, count(*) FROM grid_region_node n WHERE " + in.sql() + " GROUP BY n.level")
                .params(in.params())
                .query((rs, i) -> Map.entry(RegionLevel.valueOf(rs.getString(1)), rs.getInt(2)))
                .list()
                .forEach(e -> nodes.put(e.getKey(), e.getValue()));
        int[] people = jdbc.sql("SELECT count(DISTINCT a.staff_id), count(*) FROM grid_staff_assignment a"
                        + " JOIN grid_region_node n ON n.id = a.node_id WHERE " + in.sql())
                .params(in.params())
                .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .single();
        // a village's code is the first 12 digits of every code below it
        var inVillages = scope.predicate("v.code");
        List<GridOverview.VillageFigures> villages = jdbc.sql("""
                        SELECT v.code, v.name,
                               count(*) FILTER (WHERE n.level = 'GRID') AS grids,
                               count(*) FILTER (WHERE n.level = 'MICRO_GRID') AS micro,
                               count(*) FILTER (WHERE n.level = 'DEDICATED_MICRO_GRID') AS dedicated,
                               (SELECT count(DISTINCT a.staff_id) FROM grid_staff_assignment a
                                  JOIN grid_region_node s ON s.id = a.node_id
                                 WHERE s.code LIKE v.code || '%') AS staff
                          FROM grid_region_node v
                          LEFT JOIN grid_region_node n ON n.code LIKE v.code || '%' AND n.code <> v.code
                         WHERE v.level = 'VILLAGE' AND {scope}
                         GROUP BY v.code, v.name
                         ORDER BY v.code""".replace("{scope}", inVillages.sql()))
                .params(inVillages.params())
                .query((rs, i) -> new GridOverview.VillageFigures(rs.getString("code"), rs.getString("name"),
                        rs.getInt("grids"), rs.getInt("micro"), rs.getInt("dedicated"), rs.getInt("staff")))
                .list();
        int shortNodes = completeness.report(scope, null, null, null).shortNodes();
        return new GridOverview(nodes, people[0], people[1], shortNodes, villages);
    }
}

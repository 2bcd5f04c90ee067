package org.linyunzhi.hazard.internal.onemap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hazards of a map view, sized so a million of them stay fast: the hazards themselves when the
 * view holds at most {@link #MAX_FEATURES}, otherwise clusters on a grid of square cells (count,
 * centre of mass, worst level), never more than {@link #MAX_FEATURES} either way.
 *
 * <p>Two sources answer clusters. Wide views of everyone's hazards (the town leader's) are summed
 * from {@code hazard_map_cell}: counts per cell of 1/256° (about 400 m) and of 1/64° kept by a
 * trigger per class, level and status, and per cell of 1/1024° by level alone for the unfiltered
 * map at village zoom, so a view adds up a few thousand rows instead of a million. Filters the cells do not keep (category, campaign, date), data scopes narrower than the
 * town and cells finer than 1/256° go to the hazards: through the GiST index on {@code position},
 * or, when a category or campaign narrows them, through that column's index
 * (docs/decisions/onemap-viewport.md).
 */
@Component
class HazardMap {

    /** At most this many features in one answer, hazards or clusters. */
    static final int MAX_FEATURES = 2_000;
    /** The finest pre-counted cells are 2^-8 degrees wide; cluster cells are that times a power of two. */
    static final int FINE_GRAIN = 8;
    /** The coarse pre-counted cells (2^-6 degrees) answer views where a cluster covers one or more of them. */
    static final int COARSE_GRAIN = 6;
    /** Cells of 2^-10 degrees counted by level only: the unfiltered map at village zoom. */
    static final int LEVEL_ONLY_GRAIN = 10;
    static final double MAP_CELL = Math.scalb(1.0, -FINE_GRAIN);

    private final JdbcClient db;

    HazardMap(JdbcClient db) {
        this.db = db;
    }

    record MapHazard(UUID id, String number, String title, String classCode, String categoryCode, int level,
                     String status, boolean overdue, double lon, double lat) {
    }

    record MapCluster(double lon, double lat, long count, int worstLevel) {
    }

    /**
     * @param mode     FEATURES (hazards) or CLUSTERS
     * @param total    hazards in the view (in clusters: in the cells the view touches)
     * @param cell     the cluster cell's size in degrees (0 for hazards)
     * @param source   HAZARDS or MAP_CELLS, which table answered, for the benchmark and the curious
     */
    record MapAnswer(String mode, long total, double cell, String source, List<MapHazard> hazards,
                     List<MapCluster> clusters) {

        int features() {
            return hazards.size() + clusters.size();
        }
    }

    /** What the map draws for this view. */
    MapAnswer view(MapViewport view, HazardMapFilter filter, DataScope scope) {
        double cell = clusterCell(view, view.zoom());
        if (fromMapCells(filter, scope, cell)) {
            List<MapCluster> clusters = clustersFromMapCells(view, filter, cell);
            long total = clusters.stream().mapToLong(MapCluster::count).sum();
            // the cells reach a little past the view, so their sum bounds the hazards inside it
            if (total > MAX_FEATURES) {
                return new MapAnswer("CLUSTERS", total, cell, "MAP_CELLS", List.of(), clusters);
            }
            return hazardsIn(view, filter, scope);
        }
        long inView = countUpTo(view, filter, scope, MAX_FEATURES + 1);
        if (inView <= MAX_FEATURES) {
            return hazardsIn(view, filter, scope);
        }
        List<MapCluster> clusters = clustersFromHazards(view, filter, scope, cell);
        return new MapAnswer("CLUSTERS", clusters.stream().mapToLong(MapCluster::count).sum(), cell, "HAZARDS",
                List.of(), clusters);
    }

    /** Density for the heat layer: the same cells as clusters, a quarter of the size, always counted. */
    MapAnswer density(MapViewport view, HazardMapFilter filter, DataScope scope) {
        double cell = clusterCell(view, view.zoom() + 2);
        boolean cells = fromMapCells(filter, scope, cell);
        List<MapCluster> list = cells ? clustersFromMapCells(view, filter, cell)
                : clustersFromHazards(view, filter, scope, cell);
        return new MapAnswer("DENSITY", list.stream().mapToLong(MapCluster::count).sum(), cell,
                cells ? "MAP_CELLS" : "HAZARDS", List.of(), list);
    }

    /**
     * The cluster cell for a zoom: 2^(7-zoom) degrees, about 90 screen pixels, grown by powers of two
     * until the view holds at most {@link #MAX_FEATURES} cells, whatever box a client sends.
     */
    static double clusterCell(MapViewport view, int zoom) {
        double cell = Math.scalb(1.0, 7 - Math.min(zoom, 24));
        while (cellsAcross(view.west(), view.east(), cell) * cellsAcross(view.south(), view.north(), cell) > MAX_FEATURES) {
            cell *= 2;
        }
        return cell;
    }

    private static long cellsAcross(double from, double to, double cell) {
        return (long) Math.floor(to / cell) - (long) Math.floor(from / cell) + 1;
    }

    private static boolean fromMapCells(HazardMapFilter filter, DataScope scope, double cell) {
        if (scope.kind() != DataScope.Kind.ALL || !filter.fitsMapCells()) return false;
        return cell >= MAP_CELL || filter.isEmpty() && cell >= Math.scalb(1.0, -LEVEL_ONLY_GRAIN);
    }

    /** The coarsest grain that still divides the cluster cell: fewer rows to add up. */
    private static int grain(double cell) {
        if (cell >= Math.scalb(1.0, -COARSE_GRAIN)) return COARSE_GRAIN;
        return cell >= MAP_CELL ? FINE_GRAIN : LEVEL_ONLY_GRAIN;
    }

    // ---- the hazards themselves ----

    private MapAnswer hazardsIn(MapViewport view, HazardMapFilter filter, DataScope scope) {
        Query q = new Query(view, filter, scope);
        // the worst first: if the cap ever cut the list, the serious ones would still be drawn
        List<MapHazard> list = db.sql("""
                SELECT h.id, h.number, h.title, h.class_code, h.category_code, h.level, h.status, h.overdue, h.lon, h.lat
                  FROM hazard_hazard h
                 WHERE %s
                 ORDER BY h.level DESC, h.found_at DESC, h.id
                 LIMIT %d""".formatted(q.where, MAX_FEATURES))
                .params(q.params)
                .query((rs, n) -> new MapHazard(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getString("title"), rs.getString("class_code"), rs.getString("category_code"),
                        rs.getInt("level"), rs.getString("status"), rs.getBoolean("overdue"),
                        rs.getDouble("lon"), rs.getDouble("lat")))
                .list();
        return new MapAnswer("FEATURES", list.size(), 0, "HAZARDS", list, List.of());
    }

    /** Counts no further than {@code limit}: the index scan stops there, however many lie in the view. */
    long countUpTo(MapViewport view, HazardMapFilter filter, DataScope scope, int limit) {
        Query q = new Query(view, filter, scope);
        return db.sql("SELECT count(*) FROM (SELECT 1 FROM hazard_hazard h WHERE %s LIMIT %d) x"
                        .formatted(q.where, limit))
                .params(q.params).query(Long.class).single();
    }

    /**
     * Clusters aggregated from the hazards. Coordinates are read from {@code position}, not lon/lat:
     * with the level they are all in the covering GiST index (V21), so an unfiltered view is
     * answered by an index-only scan instead of a visit to every row's page.
     */
    List<MapCluster> clustersFromHazards(MapViewport view, HazardMapFilter filter, DataScope scope, double cell) {
        Query q = new Query(view, filter, scope);
        q.params.put("cell", cell);
        return db.sql("""
                SELECT avg(h.position[0]) AS lon, avg(h.position[1]) AS lat, count(*) AS n, max(h.level) AS worst
                  FROM hazard_hazard h
                 WHERE %s
                 GROUP BY floor(h.position[0] / :cell), floor(h.position[1] / :cell)
                 ORDER BY n DESC
                 LIMIT %d""".formatted(q.where, MAX_FEATURES))
                .params(q.params)
                .query((rs, n) -> new MapCluster(rs.getDouble("lon"), rs.getDouble("lat"), rs.getLong("n"), rs.getInt("worst")))
                .list();
    }

    List<MapCluster> clustersFromMapCells(MapViewport view, HazardMapFilter filter, double cell) {
        HazardMapFilter.Sql f = filter.sql("c");
        Map<String, Object> params = new LinkedHashMap<>(f.params());
        int grain = grain(cell);
        double perDegree = Math.scalb(1.0, grain);
        params.put("grain", (short) grain);
        params.put("x0", (int) Math.floor(view.west() * perDegree));
        params.put("x1", (int) Math.floor(view.east() * perDegree));
        params.put("y0", (int) Math.floor(view.south() * perDegree));
        params.put("y1", (int) Math.floor(view.north() * perDegree));
        // cluster cell = map cell · 2^shift, so a cluster is a whole number of map cells (arithmetic shift floors)
        params.put("shift", Math.max(0, Math.getExponent(cell) + grain));
        return db.sql("""
                SELECT sum(c.lon_sum) / sum(c.hazards) AS lon, sum(c.lat_sum) / sum(c.hazards) AS lat,
                       sum(c.hazards) AS n, max(c.level) AS worst
                  FROM hazard_map_cell c
                 WHERE c.grain = :grain AND c.cx BETWEEN :x0 AND :x1 AND c.cy BETWEEN :y0 AND :y1 AND c.hazards > 0
                   AND %s
                 GROUP BY c.cx >> :shift, c.cy >> :shift
                 ORDER BY n DESC
                 LIMIT %d""".formatted(f.where(), MAX_FEATURES))
                .params(params)
                .query((rs, n) -> new MapCluster(rs.getDouble("lon"), rs.getDouble("lat"), rs.getLong("n"), rs.getInt("worst")))
                .list();
    }

    /** The view, the filter and the data scope as one WHERE clause over hazard_hazard h. */
    private static final class Query {
        final String where;
        final Map<String, Object> params = new LinkedHashMap<>();

        Query(MapViewport view, HazardMapFilter filter, DataScope scope) {
            HazardMapFilter.Sql f = filter.sql("h");
            DataScope.SqlPredicate s = scope.predicate("h.region_code");
            // <@ box(...) is what the GiST index on position answers. PostgreSQL estimates any box to
            // hold a thousandth of the table, so it would walk a town-wide box through GiST even when a
            // category or campaign picks a few thousand hazards; for those the box is written on lon/lat,
            // which leaves the planner the narrow column's index
            String box = filter.categories().isEmpty() && filter.campaign() == null
                    ? "h.position <@ box(point(:west, :south), point(:east, :north))"
                    : "h.lon BETWEEN :west AND :east AND h.lat BETWEEN :south AND :north";
            where = box + " AND " + f.where() + " AND " + s.sql();
            params.put("west", view.west());
            params.put("south", view.south());
            params.put("east", view.east());
            params.put("north", view.north());
            params.putAll(f.params());
            params.putAll(s.params());
        }
    }
}

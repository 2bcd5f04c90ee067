package org.linyunzhi.hazard.internal.onemap;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.sql.DataSource;
import org.linyunzhi.Application;
import org.linyunzhi.identity.DataScope;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one map's viewport query over {@code --hazards} hazard points at town, village and street
 * zoom, under {@code --threads} concurrent callers, beside the variants it replaces. Not a test:
 * run it by hand (docs/benchmarks.md, "One map: viewport"). It starts the application with the
 * demo profile on an ephemeral embedded PostgreSQL, adds the hazards with one INSERT ... SELECT
 * over generate_series (each in a micro-grid of the demo town, uniformly inside its bounding box,
 * so small built-up micro-grids are dense and large fields sparse, as real finds are), then for
 * each zoom and variant lets the threads call for {@code --seconds} seconds, each call on a view of
 * a 1280 x 860 px screen (plus the 20 % margin the page asks for) centred on a random micro-grid.
 *
 * <p>Variants: <b>engine</b> — {@link HazardMap#view} as the endpoint calls it (the leader's scope,
 * no filter); <b>engine+category</b> — the same with a category filter, which the pre-counted cells
 * cannot answer; <b>live clusters</b> — clusters aggregated from the hazards through the GiST index
 * every time (no pre-counted cells); <b>naive</b> — no clustering: every hazard in the view sent.
 * Calls are in-process (SQL and row mapping; JSON and HTTP excluded).
 *
 * <p>Arguments (all optional): {@code --hazards=1000000 --threads=4 --seconds=15}.
 */
public final class OneMapViewportBenchmark {

    private static final int SCREEN_W = 1280;
    private static final int SCREEN_H = 860;

    private OneMapViewportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int hazards = Integer.parseInt(options.getOrDefault("hazards", "1000000"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "4"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "15"));
        System.out.printf("One map viewport: %,d hazards, %d threads, %d s per case; %d cores, load %s%n", hazards, threads,
                seconds, Runtime.getRuntime().availableProcessors(), loadAverage());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).profiles("demo").run(
                "--linyunzhi.embedded-db.ephemeral=true", "--linyunzhi.embedded-db.port=0", "--server.port=0",
                "--spring.datasource.hikari.maximum-pool-size=" + (threads + 4), "--logging.level.root=WARN")) {
            JdbcClient db = JdbcClient.create(app.getBean(DataSource.class));
            HazardMap map = app.getBean(HazardMap.class);
            load(db, hazards);
            List<double[]> centres = db.sql("""
                    SELECT centroid[0] AS lon, centroid[1] AS lat FROM grid_region_node
                     WHERE level IN ('MICRO_GRID', 'DEDICATED_MICRO_GRID') ORDER BY code""")
                    .query((rs, n) -> new double[] {rs.getDouble("lon"), rs.getDouble("lat")}).list();
            double[] town = db.sql("SELECT centroid[0] AS lon, centroid[1] AS lat FROM grid_region_node WHERE level = 'TOWN' LIMIT 1")
                    .query((rs, n) -> new double[] {rs.getDouble("lon"), rs.getDouble("lat")}).single();
            String category = db.sql("SELECT category_code FROM hazard_hazard GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
                    .query(String.class).single();
            HazardMapFilter none = HazardMapFilter.none();
            HazardMapFilter byCategory = new HazardMapFilter(java.util.Set.of(), java.util.Set.of(category),
                    java.util.Set.of(), java.util.Set.of(), null, null, null);
            DataScope all = DataScope.all();

            System.out.println("| zoom | variant | calls | calls/s | p50 ms | p95 ms | p99 ms | features per answer (max) | source |");
            System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            for (int zoom : new int[] {13, 16, 18}) {
                String zoomName = zoom == 13 ? "town (13)" : zoom == 16 ? "village (16)" : "street (18)";
                Function<SplittableRandom, MapViewport> views = r -> {
                    double[] c = zoom == 13 ? town : centres.get(r.nextInt(centres.size()));
                    return viewAt(c[0], c[1], zoom);
                };
                run(zoomName, "engine", threads, seconds, views, v -> {
                    HazardMap.MapAnswer a = map.view(v, none, all);
                    return new long[] {a.features(), a.source().equals("MAP_CELLS") ? 1 : 0};
                });
                run(zoomName, "engine+category", threads, seconds, views, v -> {
                    HazardMap.MapAnswer a = map.view(v, byCategory, all);
                    return new long[] {a.features(), a.source().equals("MAP_CELLS") ? 1 : 0};
                });
                run(zoomName, "live clusters", threads, seconds, views,
                        v -> new long[] {map.clustersFromHazards(v, none, all, HazardMap.clusterCell(v, v.zoom())).size(), 0});
                run(zoomName, "naive (all points)", threads, seconds, views, v -> new long[] {naive(db, v), 0});
            }
            explain(db, town);
            System.out.println("load at the end " + loadAverage());
        }
    }

    /** A million hazards in one statement, the map cells counted once afterwards (triggers off meanwhile). */
    private static void load(JdbcClient db, int hazards) {
        long start = System.nanoTime();
        db.sql("ALTER TABLE hazard_hazard DISABLE TRIGGER hazard_map_cell_on_insert_delete").update();
        // deterministic: the micro-grid and the place inside it come from multiplicative hashes of g
        int inserted = db.sql("""
                WITH mg AS (SELECT row_number() OVER (ORDER BY code) AS k, code, name, bbox FROM grid_region_node
                             WHERE level IN ('MICRO_GRID', 'DEDICATED_MICRO_GRID')),
                     cat AS (SELECT row_number() OVER (ORDER BY code) AS k, code, class_code, default_level, department
                               FROM hazard_category WHERE active)
                INSERT INTO hazard_hazard (id, number, title, category_code, catalogue_version, class_code, level, status,
                                           source, department, lon, lat, position, region_code, region_name, found_at, overdue)
                SELECT gen_random_uuid(), 'BENCH-' || lpad(g::text, 7, '0'), 'bench hazard ' || g, c.code, 1, c.class_code,
                       CASE WHEN g % 10 = 0 THEN 1 + g % 5 ELSE c.default_level END, s.status, 'GRID_REPORT', c.department,
                       p.lon, p.lat, point(p.lon, p.lat), m.code, m.name,
                       now() - make_interval(days => g % 365, mins => g % 1440), s.status <> 'CLOSED' AND g % 17 = 0
                  FROM generate_series(1, :n) g
                  JOIN mg m ON m.k = 1 + (g::bigint * 7919) % (SELECT count(*) FROM mg)
                  JOIN cat c ON c.k = 1 + (g::bigint * 104729) % (SELECT count(*) FROM cat)
                  CROSS JOIN LATERAL (SELECT (m.bbox[1])[0] + ((g::bigint * 48271) % 2147483647) / 2147483647.0
                                                * ((m.bbox[0])[0] - (m.bbox[1])[0]) AS lon,
                                             (m.bbox[1])[1] + ((g::bigint * 69621) % 2147483629) / 2147483629.0
                                                * ((m.bbox[0])[1] - (m.bbox[1])[1]) AS lat) p
                  CROSS JOIN LATERAL (SELECT CASE WHEN g % 100 < 70 THEN 'CLOSED' WHEN g % 100 < 78 THEN 'RECTIFYING'
                                                  WHEN g % 100 < 84 THEN 'ORDERED' WHEN g % 100 < 90 THEN 'EVIDENCE_SUBMITTED'
                                                  WHEN g % 100 < 95 THEN 'FOUND' ELSE 'REJECTED' END AS status) s""")
                .param("n", hazards).update();
        double insertSeconds = (System.nanoTime() - start) / 1e9;
        db.sql("ALTER TABLE hazard_hazard ENABLE TRIGGER hazard_map_cell_on_insert_delete").update();
        long cellsStart = System.nanoTime();
        db.sql("SELECT hazard_map_cell_rebuild()").query(String.class).list();
        double cellSeconds = (System.nanoTime() - cellsStart) / 1e9;
        db.sql("VACUUM (ANALYZE) hazard_hazard").update();
        db.sql("VACUUM (ANALYZE) hazard_map_cell").update();
        System.out.printf("inserted %,d hazards in %.1f s; map cells counted in %.1f s: %,d rows; hazard table with indexes %s; load %s%n",
                inserted, insertSeconds, cellSeconds,
                db.sql("SELECT count(*) FROM hazard_map_cell").query(Long.class).single(),
                db.sql("SELECT pg_size_pretty(pg_total_relation_size('hazard_hazard'))").query(String.class).single(),
                loadAverage());
    }

    /** What a map without clusters would have to send: every hazard of the view. */
    private static long naive(JdbcClient db, MapViewport v) {
        return db.sql("""
                SELECT h.id, h.number, h.title, h.level, h.status, h.lon, h.lat FROM hazard_hazard h
                 WHERE h.position <@ box(point(:w, :s), point(:e, :n))""")
                .param("w", v.west()).param("s", v.south()).param("e", v.east()).param("n", v.north())
                .query((rs, n) -> 1).list().size();
    }

    /** The box a 1280 x 860 px screen shows at this zoom around a centre, with the page's 20 % margin. */
    static MapViewport viewAt(double lon, double lat, int zoom) {
        double degPerPx = 360.0 / (256 * Math.pow(2, zoom));
        double halfW = SCREEN_W * 1.4 / 2 * degPerPx;
        // Web Mercator: a degree of latitude takes more pixels than one of longitude, by 1/cos(lat)
        double halfH = SCREEN_H * 1.4 / 2 * degPerPx * Math.cos(Math.toRadians(lat));
        return new MapViewport(lon - halfW, lat - halfH, lon + halfW, lat + halfH, zoom);
    }

    private static void run(String zoom, String variant, int threads, int seconds,
                            Function<SplittableRandom, MapViewport> views, Function<MapViewport, long[]> call) throws Exception {
        // a short warm-up so JIT and PostgreSQL's caches do not count against the first calls
        measure(Math.min(2, threads), 2, views, call);
        Measured m = measure(threads, seconds, views, call);
        System.out.printf("| %s | %s | %,d | %,.0f | %.1f | %.1f | %.1f | %,d (%,d) | %s |%n", zoom, variant, m.calls,
                m.calls / (double) seconds, m.percentile(50), m.percentile(95), m.percentile(99), m.medianFeatures,
                m.maxFeatures, m.fromCells == 0 ? "hazards" : m.fromCells == m.calls ? "map cells" : "mixed");
    }

    private record Measured(long calls, long[] nanos, long medianFeatures, long maxFeatures, long fromCells) {
        double percentile(int p) {
            if (nanos.length == 0) return Double.NaN;
            return nanos[(int) Math.min(nanos.length - 1, Math.ceil(p / 100.0 * nanos.length) - 1)] / 1e6;
        }
    }

    private static Measured measure(int threads, int seconds, Function<SplittableRandom, MapViewport> views,
                                    Function<MapViewport, long[]> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[][]>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long seed = 42 + t;
            futures.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                List<long[]> rows = new ArrayList<>();
                while (System.nanoTime() < until) {
                    MapViewport v = views.apply(random);
                    long before = System.nanoTime();
                    long[] r = call.apply(v);
                    rows.add(new long[] {System.nanoTime() - before, r[0], r[1]});
                }
                return rows.toArray(new long[0][]);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[][]> f : futures) all.addAll(Arrays.asList(f.get()));
        pool.shutdown();
        long[] nanos = all.stream().mapToLong(r -> r[0]).sorted().toArray();
        long[] features = all.stream().mapToLong(r -> r[1]).sorted().toArray();
        long fromCells = all.stream().filter(r -> r[2] == 1).count();
        return new Measured(all.size(), nanos, features.length == 0 ? 0 : features[features.length / 2],
                features.length == 0 ? 0 : features[features.length - 1], fromCells);
    }

    /** The plans of the engine's queries at town and street zoom, for the record. */
    private static void explain(JdbcClient db, double[] town) {
        MapViewport t = viewAt(town[0], town[1], 13);
        System.out.println("-- town view from the coarse map cells (grain 6):");
        db.sql("""
                EXPLAIN (ANALYZE, COSTS OFF)
                SELECT sum(c.lon_sum) / sum(c.hazards), sum(c.lat_sum) / sum(c.hazards), sum(c.hazards) AS n, max(c.level)
                  FROM hazard_map_cell c
                 WHERE c.grain = 6 AND c.cx BETWEEN %d AND %d AND c.cy BETWEEN %d AND %d AND c.hazards > 0
                 GROUP BY c.cx, c.cy""".formatted((int) Math.floor(t.west() * 64), (int) Math.floor(t.east() * 64),
                (int) Math.floor(t.south() * 64), (int) Math.floor(t.north() * 64)))
                .query(String.class).list().forEach(System.out::println);
        MapViewport s = viewAt(town[0], town[1], 18);
        System.out.println("-- street view, counting up to 2,001 through the GiST index:");
        db.sql("""
                EXPLAIN (ANALYZE, COSTS OFF)
                SELECT count(*) FROM (SELECT 1 FROM hazard_hazard h
                 WHERE h.position <@ box(point(%f, %f), point(%f, %f)) LIMIT 2001) x"""
                .formatted(s.west(), s.south(), s.east(), s.north()))
                .query(String.class).list().forEach(System.out::println);
        System.out.println("-- street view, clusters from the hazards (covering GiST index):");
        db.sql("""
                EXPLAIN (ANALYZE, COSTS OFF)
                SELECT avg(h.position[0]), avg(h.position[1]), count(*) AS n, max(h.level) FROM hazard_hazard h
                 WHERE h.position <@ box(point(%f, %f), point(%f, %f))
                 GROUP BY floor(h.position[0] / 0.0009765625), floor(h.position[1] / 0.0009765625)"""
                .formatted(s.west(), s.south(), s.east(), s.north()))
                .query(String.class).list().forEach(System.out::println);
    }

    private static String loadAverage() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        return options;
    }
}

package org.linyunzhi.resource.internal.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.linyunzhi.Application;
import org.linyunzhi.resource.NearbyResource;
import org.linyunzhi.resource.ResourceApi;
import org.linyunzhi.resource.ResourceKind;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nearest-5 resources among {@code --rows} (100,000) under concurrent load, two ways side by side
 * in one run: what the application answers with ({@link ResourceApi#nearest}: GiST KNN on the
 * PostgreSQL point, a few more candidates than asked, re-ranked by great-circle distance) and a
 * brute-force scan (haversine of every row in SQL, top 5). Not a test: run it by hand
 * (docs/benchmarks.md, "Nearest resources").
 * <p>
 * It starts the application with the demo profile on an ephemeral embedded PostgreSQL, adds the
 * rows as shelters spread uniformly over a 1° × 1° square around Linpu (deterministic: the
 * position comes from an md5 of the row number), checks that both ways agree on a sample of
 * points, then for {@code --seconds} per way lets {@code --threads} threads ask for the five nearest
 * shelters to random points of the same square, timing every call.
 *
 * <p>Arguments (all optional): {@code --rows=100000 --threads=8 --seconds=20 --check=200}; {@code --threads}
 * may list several counts ({@code 2,4,8}), each measured both ways in turn.
 */
public final class NearestResourcesBenchmark {

    private static final double WEST = 119.75;
    private static final double SOUTH = 29.55;
    private static final double SIZE = 1.0;

    private NearestResourcesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rows = Integer.parseInt(options.getOrDefault("rows", "100000"));
        // several thread counts may be given, "4,8": each is measured both ways in turn
        int[] threadCounts = Arrays.stream(options.getOrDefault("threads", "8").split(",")).mapToInt(Integer::parseInt).toArray();
        int threads = Arrays.stream(threadCounts).max().orElseThrow();
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int check = Integer.parseInt(options.getOrDefault("check", "200"));
        System.out.printf("Nearest resources: %,d rows, threads %s, %d s per way; %d cores, load %s%n", rows,
                Arrays.toString(threadCounts),
                seconds, Runtime.getRuntime().availableProcessors(), loadAverage());

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).profiles("demo").run(
                "--linyunzhi.embedded-db.ephemeral=true", "--linyunzhi.embedded-db.port=0", "--server.port=0",
                "--spring.datasource.hikari.maximum-pool-size=" + (threads + 4), "--logging.level.root=WARN")) {
            JdbcClient db = JdbcClient.create(app.getBean(DataSource.class));
            ResourceApi resources = app.getBean(ResourceApi.class);
            long t0 = System.nanoTime();
            db.sql("""
                    INSERT INTO resource_shelter (id, name, level, capacity_day, capacity_night, address, lon, lat,
                        position, region_code)
                    SELECT gen_random_uuid(), 'bench ' || i, 'VILLAGE', 100, 50, 'bench', x, y, point(x, y), '999'
                    FROM (SELECT i,
                                 :west + ('x' || substr(md5(i || 'lon'), 1, 8))::bit(32)::bigint / 4294967295.0 * :size AS x,
                                 :south + ('x' || substr(md5(i || 'lat'), 1, 8))::bit(32)::bigint / 4294967295.0 * :size AS y
                          FROM generate_series(1, :rows) AS i) p""")
                    .param("west", WEST).param("south", SOUTH).param("size", SIZE).param("rows", rows).update();
            db.sql("ANALYZE resource_shelter").update();
            int total = db.sql("SELECT count(*) FROM resource_shelter").query(Integer.class).single();
            System.out.printf("%,d shelters in the table (%,d added in %.1f s)%n", total, rows, (System.nanoTime() - t0) / 1e9);
            System.out.println("plan of the KNN query:");
            db.sql("EXPLAIN SELECT id FROM resource_shelter t WHERE TRUE ORDER BY t.position <-> point(120.25, 30.05) LIMIT 10")
                    .query(String.class).list().forEach(line -> System.out.println("  " + line));

            BruteForce brute = new BruteForce(db);
            SplittableRandom rnd = new SplittableRandom(52);
            int agree = 0;
            for (int i = 0; i < check; i++) {
                double lon = WEST + rnd.nextDouble() * SIZE;
                double lat = SOUTH + rnd.nextDouble() * SIZE;
                List<UUID> knn = resources.nearest(lon, lat, ResourceKind.SHELTER, 5).stream()
                        .map(n -> n.place().id()).toList();
                if (knn.equals(brute.nearest(lon, lat, 5))) {
                    agree++;
                }
            }
            System.out.printf("agreement with the brute-force answer: %d of %d points%n", agree, check);

            List<Result> results = new ArrayList<>();
            for (int t : threadCounts) {
                results.add(run("knn (application), " + t + " threads", t, seconds, (lon, lat) -> {
                    List<NearbyResource> found = resources.nearest(lon, lat, ResourceKind.SHELTER, 5);
                    if (found.size() != 5) {
                        throw new IllegalStateException("five expected");
                    }
                }));
                results.add(run("brute-force scan, " + t + " threads", t, seconds, (lon, lat) -> brute.nearest(lon, lat, 5)));
            }
            System.out.println();
            System.out.println("| way | calls | calls/s | p50 ms | p95 ms | p99 ms | max ms |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            results.forEach(r -> System.out.println(r.row()));
            for (int i = 0; i < results.size(); i += 2) {
                System.out.printf("p95 ratio (scan / knn) at %d threads: %.0f ×%n", threadCounts[i / 2],
                        results.get(i + 1).percentile(95) / results.get(i).percentile(95));
            }
            System.out.printf("load at the end %s%n", loadAverage());
        }
    }

    interface Query {
        void ask(double lon, double lat) throws Exception;
    }

    record Result(String way, long[] nanos, double seconds) {

        double percentile(int p) {
            int i = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
            return nanos[Math.max(0, Math.min(nanos.length - 1, i))] / 1e6;
        }

        String row() {
            return String.format("| %s | %,d | %,.0f | %.2f | %.2f | %.2f | %.2f |", way, nanos.length, nanos.length / seconds,
                    percentile(50), percentile(95), percentile(99), nanos[nanos.length - 1] / 1e6);
        }
    }

    /** Lets the threads ask for the given time after a short warm-up, each call timed. */
    private static Result run(String way, int threads, int seconds, Query query) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long warmUpEnd = System.nanoTime() + 3_000_000_000L;
            long end = warmUpEnd + seconds * 1_000_000_000L;
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = 1000L + t;
                futures.add(pool.submit(() -> {
                    SplittableRandom rnd = new SplittableRandom(seed);
                    long[] times = new long[1 << 16];
                    int n = 0;
                    while (true) {
                        double lon = WEST + rnd.nextDouble() * SIZE;
                        double lat = SOUTH + rnd.nextDouble() * SIZE;
                        long start = System.nanoTime();
                        if (start >= end) {
                            break;
                        }
                        query.ask(lon, lat);
                        long took = System.nanoTime() - start;
                        if (start >= warmUpEnd) {
                            if (n == times.length) {
                                times = Arrays.copyOf(times, n * 2);
                            }
                            times[n++] = took;
                        }
                    }
                    return Arrays.copyOf(times, n);
                }));
            }
            List<long[]> parts = new ArrayList<>();
            for (Future<long[]> f : futures) {
                parts.add(f.get());
            }
            long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            System.out.printf("%s: %,d calls; load %s%n", way, all.length, loadAverage());
            return new Result(way, all, seconds);
        } finally {
            pool.shutdown();
        }
    }

    /** The obvious answer: the great-circle distance of every row, sorted, in SQL. */
    private record BruteForce(JdbcClient db) {

        List<UUID> nearest(double lon, double lat, int k) {
            return db.sql("""
                            SELECT id FROM resource_shelter
                            ORDER BY 2 * 6371008.8 * asin(sqrt(
                                power(sin(radians(lat - :lat) / 2), 2)
                                + cos(radians(:lat)) * cos(radians(lat)) * power(sin(radians(lon - :lon) / 2), 2)))
                            LIMIT :k""")
                    .param("lon", lon).param("lat", lat).param("k", k).query(UUID.class).list();
        }
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

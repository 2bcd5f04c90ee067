package org.linyunzhi.task.internal.supervision.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.linyunzhi.task.internal.supervision.DeadlineTimers;
import org.linyunzhi.task.internal.supervision.TimerNode;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Firing lag of many pending deadline timers, and what scheduling them costs. Not a test: run it by
 * hand (docs/benchmarks.md, "Deadline timers"). It starts an embedded PostgreSQL and one or two
 * timer nodes ({@link TimerNode}: timers, calendar, and a listener that writes one row per firing
 * in the firing's transaction, as the task lifecycle's listener will), schedules
 * {@code --timers} tasks through {@link DeadlineTimers#schedule} from {@code --schedulers} threads
 * with deadlines spread evenly over {@code --window} seconds starting after the scheduling is
 * done, waits until every overdue timer fired, and reports fired-minus-due percentiles.
 * Reminders are off so that each task has one timer in the window; its escalation timer, a
 * working day later, stays pending beside it, as in production.
 *
 * <p>Arguments (all optional): {@code --timers=100000 --window=60 --nodes=1 --schedulers=4
 * --threads=10 --polling=1s}.
 */
public final class DeadlineTimerLagBenchmark {

    private DeadlineTimerLagBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int timers = Integer.parseInt(options.getOrDefault("timers", "100000"));
        int windowSeconds = Integer.parseInt(options.getOrDefault("window", "60"));
        int nodeCount = Integer.parseInt(options.getOrDefault("nodes", "1"));
        int schedulers = Integer.parseInt(options.getOrDefault("schedulers", "4"));
        String threads = options.getOrDefault("threads", "10");
        String polling = options.getOrDefault("polling", "1s");

        System.out.printf("Deadline timer benchmark: %,d timers over %d s, %d node(s) x %s firing threads, polling %s, "
                + "%d scheduling threads; %d cores, load %s%n", timers, windowSeconds, nodeCount, threads, polling,
                schedulers, Runtime.getRuntime().availableProcessors(), loadAverage());
        try (EmbeddedPostgres pg = TimerNode.startDatabase()) {
            List<ConfigurableApplicationContext> nodes = new ArrayList<>();
            try {
                for (int n = 0; n < nodeCount; n++) {
                    nodes.add(TimerNode.start(pg, "bench-" + (char) ('a' + n), Map.of(
                            "linyunzhi.task.supervision.reminder-before", "0s",
                            "linyunzhi.task.supervision.threads", threads,
                            "linyunzhi.task.supervision.polling-interval", polling,
                            "spring.datasource.hikari.maximum-pool-size", "30",
                            "logging.level.root", "WARN")));
                }
                List<DeadlineTimers> entry = nodes.stream().map(c -> c.getBean(DeadlineTimers.class)).toList();
                JdbcClient db = JdbcClient.create(pg.getPostgresDatabase());

                // warm-up with deadlines a week ahead, then measure the rate to place the window after the real run
                Instant far = Instant.now().plus(7, ChronoUnit.DAYS);
                double warmRate = schedule(entry, schedulers, 5_000, i -> far).rate();
                db.sql("DELETE FROM scheduled_tasks WHERE execution_time > now() + interval '2 days'").update();
                double lead = timers / warmRate * 1.6 + 10;
                Instant windowStart = Instant.now().plusMillis((long) (lead * 1000)).truncatedTo(ChronoUnit.MILLIS);
                long windowMillis = windowSeconds * 1000L;
                System.out.printf("warm-up: %,.0f schedules/s; window starts in %.0f s%n", warmRate, lead);

                Scheduled run = schedule(entry, schedulers, timers, i -> windowStart.plusMillis(windowMillis * i / timers));
                Instant scheduledAt = Instant.now();
                System.out.printf("scheduled %,d tasks (%,d timer rows) in %.1f s: %,.0f tasks/s; per call p50 %.2f ms, "
                                + "p99 %.2f ms, max %.1f ms; done %.1f s before the window%n",
                        timers, db.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name LIKE 'task-%'").query(Long.class).single(),
                        run.seconds(), run.rate(), run.percentileMillis(0.50), run.percentileMillis(0.99),
                        run.percentileMillis(1.0), Duration.between(scheduledAt, windowStart).toMillis() / 1000.0);
                System.out.printf("table sizes: scheduled_tasks %s, with indexes %s%n",
                        db.sql("SELECT pg_size_pretty(pg_relation_size('scheduled_tasks'))").query(String.class).single(),
                        db.sql("SELECT pg_size_pretty(pg_total_relation_size('scheduled_tasks'))").query(String.class).single());

                Instant giveUp = windowStart.plusMillis(windowMillis).plusSeconds(300);
                long fired;
                do {
                    Thread.sleep(2_000);
                    fired = db.sql("SELECT count(*) FROM timer_test.firing WHERE kind = 'PASSED'").query(Long.class).single();
                } while (fired < timers && Instant.now().isBefore(giveUp));
                Thread.sleep(3_000);
                report(db, timers);
            } finally {
                nodes.forEach(ConfigurableApplicationContext::close);
            }
        }
    }

    private static void report(JdbcClient db, int timers) {
        Map<String, Object> lag = db.sql("""
                        SELECT count(*) AS firings, count(DISTINCT task_id) AS tasks, count(DISTINCT node) AS nodes,
                               percentile_disc(0.50) WITHIN GROUP (ORDER BY extract(epoch FROM fired_at - deadline)) AS p50,
                               percentile_disc(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM fired_at - deadline)) AS p95,
                               percentile_disc(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM fired_at - deadline)) AS p99,
                               max(extract(epoch FROM fired_at - deadline)) AS worst,
                               min(extract(epoch FROM fired_at - deadline)) AS earliest,
                               extract(epoch FROM max(fired_at) - min(fired_at)) AS span
                        FROM timer_test.firing WHERE kind = 'PASSED'""").query().singleRow();
        System.out.printf("fired %s of %,d overdue timers (%s distinct tasks, %s node(s)) over %.1f s%n",
                lag.get("firings"), timers, lag.get("tasks"), lag.get("nodes"), number(lag.get("span")));
        System.out.printf("lag fired - due: p50 %.3f s, p95 %.3f s, p99 %.3f s, max %.3f s (earliest %.3f s)%n",
                number(lag.get("p50")), number(lag.get("p95")), number(lag.get("p99")), number(lag.get("worst")),
                number(lag.get("earliest")));
        db.sql("SELECT node, count(*) AS n FROM timer_test.firing WHERE kind = 'PASSED' GROUP BY node ORDER BY node")
                .query().listOfRows().forEach(row -> System.out.printf("  %s fired %s%n", row.get("node"), row.get("n")));
    }

    /** How long scheduling took, and each call's duration. */
    private record Scheduled(double seconds, long[] callNanos) {

        double rate() {
            return callNanos.length / seconds;
        }

        double percentileMillis(double p) {
            int index = (int) Math.min(callNanos.length - 1, Math.ceil(p * callNanos.length) - 1);
            return callNanos[Math.max(0, index)] / 1e6;
        }
    }

    private interface DeadlineOf {
        Instant of(int i);
    }

    private static Scheduled schedule(List<DeadlineTimers> entry, int threads, int count, DeadlineOf deadline) throws Exception {
        long[] nanos = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                // each thread takes every threads-th task, so all threads move through the window together
                parts.add(pool.submit(() -> {
                    for (int i = first; i < count; i += threads) {
                        long before = System.nanoTime();
                        entry.get(i % entry.size()).schedule(UUID.randomUUID(), deadline.of(i));
                        nanos[i] = System.nanoTime() - before;
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        return new Scheduled(seconds, nanos);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        return options;
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}

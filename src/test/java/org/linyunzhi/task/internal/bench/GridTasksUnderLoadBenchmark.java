package org.linyunzhi.task.internal.bench;

import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.linyunzhi.Application;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "My tasks" and the supervision board under concurrent load with 1,000,000 tasks, and a campaign to
 * every micro-grid dispatched in the middle of it. Not a test: run it by hand (docs/benchmarks.md,
 * "Grid tasks under load"). It starts the whole application with the demo profile on an ephemeral
 * embedded PostgreSQL, adds {@code --tasks} tasks with one INSERT ... SELECT over generate_series,
 * spread over up to {@code --workers} roster people of the grids and micro-grids (each task on its
 * assignee's node), signs in {@code --users} workers linked to roster people plus the town leader
 * and a village cadre, and then, for {@code --seconds}, {@code --threads} threads send "my tasks"
 * and board requests (one board request in {@code --board-every}) through HTTP with the users'
 * session cookies. Half-way the administrator starts a campaign to all micro-grids through the API.
 *
 * <p>Arguments (all optional): {@code --tasks=1000000 --workers=2500 --users=40 --threads=16
 * --seconds=60 --board-every=5}.
 */
public final class GridTasksUnderLoadBenchmark {

    private static final String PASSWORD = "Linpu@2026";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");

    private GridTasksUnderLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int taskCount = Integer.parseInt(options.getOrDefault("tasks", "1000000"));
        int workerCount = Integer.parseInt(options.getOrDefault("workers", "2500"));
        int userCount = Integer.parseInt(options.getOrDefault("users", "40"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "16"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int boardEvery = Integer.parseInt(options.getOrDefault("board-every", "5"));
        System.out.printf("Grid tasks under load: %,d tasks, up to %,d workers, %d signed-in workers, %d threads, %d s; "
                + "%d cores, load %s%n", taskCount, workerCount, userCount, threads, seconds,
                Runtime.getRuntime().availableProcessors(), loadAverage());

        long started = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).profiles("demo").run(
                "--linyunzhi.embedded-db.ephemeral=true", "--linyunzhi.embedded-db.port=0", "--server.port=0",
                "--spring.datasource.hikari.maximum-pool-size=20", "--logging.level.root=WARN",
                // the campaign's own account of where its time goes
                "--logging.level.org.linyunzhi.task.internal.TaskLifecycle=DEBUG")) {
            System.out.printf("application started in %.1f s%n", (System.nanoTime() - started) / 1e9);
            JdbcClient db = JdbcClient.create(app.getBean(DataSource.class));
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");

            Fixture fixture = Fixture.load(db, taskCount, workerCount, userCount);
            List<Session> workers = new ArrayList<>();
            for (String username : fixture.usernames()) {
                workers.add(Session.signIn(base, username));
            }
            List<Session> supervisors = List.of(Session.signIn(base, "leader"), Session.signIn(base, "cadre"));
            Session admin = Session.signIn(base, "admin");
            System.out.printf("signed in %d workers, 2 supervisors and the administrator; load %s%n", workers.size(),
                    loadAverage());

            // a short warm-up so the first measured requests do not pay for class loading and JIT
            run(workers, supervisors, Math.min(threads, 4), 10, boardEvery, null);
            Result result = run(workers, supervisors, threads, seconds, boardEvery, () -> dispatch(admin, db));
            result.print();
            // the same campaign again with nothing else running, to tell its own cost from the queueing
            System.out.println(dispatch(admin, db).replace("(during the load)", "(idle)") + "; load " + loadAverage());
            explain(db, fixture, new TransactionTemplate(app.getBean(PlatformTransactionManager.class)));
        }
    }

    /** The fixture: roster people turned into workers, some of them with an account, and the tasks. */
    private record Fixture(List<String> usernames, String sampleStaff, String sampleUser) {

        static Fixture load(JdbcClient db, int tasks, int workers, int users) {
            long start = System.nanoTime();
            // one node per roster person: the deepest one they serve on (a micro-grid before a grid)
            db.sql("""
                    CREATE TABLE bench_worker AS
                    SELECT row_number() OVER (ORDER BY p.user_id IS NULL, p.id) AS k, p.id AS staff_id, p.name AS staff_name,
                           p.user_id, n.code, n.name AS node_name
                      FROM (SELECT DISTINCT ON (s.id) s.id, s.name, s.user_id, a.node_id
                              FROM grid_staff_member s
                              JOIN grid_staff_assignment a ON a.staff_id = s.id
                              JOIN grid_region_node n ON n.id = a.node_id
                             WHERE n.level IN ('GRID', 'MICRO_GRID', 'DEDICATED_MICRO_GRID')
                             ORDER BY s.id, length(n.code) DESC, n.code) p
                      JOIN grid_region_node n ON n.id = p.node_id
                     ORDER BY k
                     LIMIT :workers""").param("workers", workers).update();
            // accounts for roster people of micro-grids, as the micro-grid member's, with the same password
            int created = db.sql("""
                    WITH picked AS (
                        SELECT w.k, w.staff_id, w.code FROM bench_worker w
                         WHERE w.user_id IS NULL AND length(w.code) = (SELECT max(length(code)) FROM bench_worker)
                         ORDER BY w.k LIMIT :users),
                    template AS (SELECT * FROM user_account WHERE username = 'micromember')
                    INSERT INTO user_account (id, username, display_name, password_hash, must_change_password,
                                              password_changed_at, enabled, region_code, scope_kind, created_at, updated_at)
                    SELECT md5('bench' || p.staff_id)::uuid, 'bench' || lpad(p.k::text, 4, '0'), 'bench ' || p.k,
                           t.password_hash, false, now(), true, p.code, 'REGION', now(), now()
                      FROM picked p CROSS JOIN template t""").param("users", Math.max(0, users - 3)).update();
            db.sql("""
                    INSERT INTO user_role (user_id, role_code)
                    SELECT a.id, r.role_code FROM user_account a, user_role r
                     WHERE a.username LIKE 'bench%' AND r.user_id = (SELECT id FROM user_account WHERE username = 'micromember')""")
                    .update();
            db.sql("UPDATE grid_staff_member s SET user_id = md5('bench' || s.id)::uuid FROM user_account a "
                    + "WHERE a.id = md5('bench' || s.id)::uuid").update();
            db.sql("UPDATE bench_worker w SET user_id = s.user_id FROM grid_staff_member s WHERE s.id = w.staff_id").update();
            int workerRows = db.sql("SELECT count(*) FROM bench_worker").query(Integer.class).single();
            System.out.printf("workers: %,d roster people (%d linked to an account, %d accounts created)%n", workerRows,
                    db.sql("SELECT count(*) FROM bench_worker WHERE user_id IS NOT NULL").query(Integer.class).single(),
                    created);

            long insertStart = System.nanoTime();
            // states roughly as a year of work leaves them: most approved, a fifth open, a few cancelled or drafts
            int inserted = db.sql("""
                    INSERT INTO task (id, number, name, type, source, state, priority, deadline, region_code, region_name,
                                      assignee_staff_id, assignee_name, assignee_user_id, issuer_name, overdue,
                                      submitted_at, closed_at, created_at, updated_at)
                    SELECT gen_random_uuid(), 'BENCH-' || lpad(g::text, 7, '0'), 'load task ' || g,
                           (ARRAY['PATROL', 'VERIFICATION', 'PUBLICITY', 'RESIDENT_SERVICE', 'PARTY_BUILDING',
                                  'COORDINATION', 'RECTIFICATION'])[1 + g % 7],
                           (ARRAY['DEPARTMENT', 'EVENT', 'HAZARD', 'ROUTINE'])[1 + g % 4],
                           s.state,
                           (ARRAY['LOW', 'NORMAL', 'NORMAL', 'HIGH', 'URGENT'])[1 + g % 5],
                           c.created + interval '10 days', w.code, w.node_name,
                           CASE WHEN s.state = 'DRAFT' THEN NULL ELSE w.staff_id END,
                           CASE WHEN s.state = 'DRAFT' THEN NULL ELSE w.staff_name END,
                           CASE WHEN s.state = 'DRAFT' THEN NULL ELSE w.user_id END,
                           'bench',
                           -- open past the deadline: marked, as the overdue timer would have done long ago
                           s.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED')
                               AND c.created + interval '10 days' < now(),
                           CASE WHEN s.state IN ('SUBMITTED', 'APPROVED') THEN c.created + make_interval(hours => g % 300) END,
                           CASE WHEN s.state = 'APPROVED' THEN c.created + make_interval(hours => g % 300) END,
                           c.created, c.created + make_interval(hours => g % 300)
                      FROM generate_series(1, :tasks) g
                      JOIN bench_worker w ON w.k = 1 + (g::bigint * 7919) % :workers
                      CROSS JOIN LATERAL (SELECT now() - make_interval(days => (g * 37) % 365, mins => g % 1440) AS created) c
                      CROSS JOIN LATERAL (SELECT CASE WHEN g % 100 < 70 THEN 'APPROVED'
                                                      WHEN g % 100 < 74 THEN 'CANCELLED'
                                                      WHEN g % 100 < 75 THEN 'DRAFT'
                                                      WHEN g % 100 < 80 THEN 'SUBMITTED'
                                                      WHEN g % 100 < 86 THEN 'IN_PROGRESS'
                                                      WHEN g % 100 < 91 THEN 'ACCEPTED'
                                                      WHEN g % 100 < 97 THEN 'DISPATCHED'
                                                      ELSE 'RETURNED' END AS state) s""")
                    .param("tasks", tasks).param("workers", workerRows).update();
            double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
            // what autovacuum does after a bulk insert: statistics, and the visibility map index-only scans rely on
            db.sql("VACUUM (ANALYZE) task").update();
            System.out.printf("inserted %,d tasks in %.1f s (%,.0f rows/s); task table with indexes %s; fixture %.1f s; load %s%n",
                    inserted, insertSeconds, inserted / insertSeconds,
                    db.sql("SELECT pg_size_pretty(pg_total_relation_size('task'))").query(String.class).single(),
                    (System.nanoTime() - start) / 1e9, loadAverage());
            List<String> usernames = new ArrayList<>(List.of("gridworker", "microhead", "micromember"));
            usernames.addAll(db.sql("SELECT username FROM user_account WHERE username LIKE 'bench%' ORDER BY username")
                    .query(String.class).list());
            Map<String, Object> sample = db.sql("""
                    SELECT w.staff_id::text AS staff, w.user_id::text AS usr FROM bench_worker w
                      JOIN user_account a ON a.id = w.user_id WHERE a.username = 'micromember'""").query().singleRow();
            return new Fixture(usernames, (String) sample.get("staff"), (String) sample.get("usr"));
        }
    }

    /** A signed-in user: an HTTP client with its own cookie jar, and the CSRF token of the session. */
    private record Session(String username, String base, HttpClient http, String csrfHeader, String csrfToken) {

        static Session signIn(String base, String username) throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = CSRF_FIELD.matcher(page);
            if (!token.find()) {
                throw new IllegalStateException("the login page has no CSRF token");
            }
            String form = "username=" + enc(username) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(token.group(1));
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String location = login.headers().firstValue("Location").orElse("");
            if (login.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException(username + " could not sign in: " + login.statusCode() + " " + location);
            }
            // the session's own token, for the POST the administrator sends
            String home = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher meta = CSRF_META.matcher(home);
            Matcher header = CSRF_HEADER.matcher(home);
            return new Session(username, base, http, header.find() ? header.group(1) : "X-CSRF-TOKEN",
                    meta.find() ? meta.group(1) : "");
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header(csrfHeader, csrfToken)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Latencies of one kind of request, in nanoseconds, as recorded by the threads. */
    private static final class Latencies {
        private final String name;
        private final List<long[]> parts = new ArrayList<>();
        private final AtomicInteger errors = new AtomicInteger();
        private volatile String firstError;

        Latencies(String name) {
            this.name = name;
        }

        synchronized void add(long[] part, int count) {
            parts.add(Arrays.copyOf(part, count));
        }

        void error(String what) {
            if (errors.getAndIncrement() == 0) {
                firstError = what;
            }
        }

        void print(double seconds) {
            long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            if (all.length == 0) {
                System.out.printf("%-16s no requests; %d errors (first: %s)%n", name, errors.get(), firstError);
                return;
            }
            System.out.printf("%-16s %,7d requests, %6.1f/s; p50 %7.1f ms, p95 %7.1f ms, p99 %7.1f ms, max %7.1f ms; %d errors%s%n",
                    name, all.length, all.length / seconds, at(all, 0.50), at(all, 0.95), at(all, 0.99),
                    all[all.length - 1] / 1e6, errors.get(), firstError == null ? "" : " (first: " + firstError + ")");
        }

        private static double at(long[] sorted, double p) {
            int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    private record Result(Latencies mine, Latencies board, Latencies villageBoard, double seconds, String campaign, String loadBefore,
                          String loadAfter) {
        void print() {
            System.out.printf("measured %.1f s; load average before %s, after %s%n", seconds, loadBefore, loadAfter);
            mine.print(seconds);
            board.print(seconds);
            villageBoard.print(seconds);
            if (campaign != null) {
                System.out.println(campaign);
            }
        }
    }

    private interface Dispatch {
        String run() throws Exception;
    }

    /**
     * Each thread loops until the time is up: every {@code boardEvery}-th request is a board (leader's
     * town board, or the cadre's village board), the others a "my tasks" page of one of the workers,
     * all states or one tab. The campaign, if any, is started from its own thread half-way.
     */
    private static Result run(List<Session> workers, List<Session> supervisors, int threads, int seconds, int boardEvery,
                              Dispatch campaign) throws Exception {
        Latencies mine = new Latencies("my tasks");
        Latencies board = new Latencies("board (town)");
        Latencies villageBoard = new Latencies("board (village)");
        String[] tabs = {"", "?state=DISPATCHED", "?state=IN_PROGRESS", "?state=APPROVED", "?page=1"};
        String loadBefore = loadAverage();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                parts.add(pool.submit(() -> {
                    long[] mineNanos = new long[1 << 16];
                    long[] boardNanos = new long[1 << 14];
                    long[] villageNanos = new long[1 << 14];
                    int m = 0;
                    int b = 0;
                    int v = 0;
                    for (int i = 0; System.nanoTime() < end; i++) {
                        boolean isBoard = (i + thread) % boardEvery == 0;
                        Session who = isBoard ? supervisors.get((i / boardEvery) % supervisors.size())
                                : workers.get((thread + i * threads) % workers.size());
                        String path = isBoard ? "/api/task/supervision" : "/api/task/my" + tabs[i % tabs.length];
                        long before = System.nanoTime();
                        try {
                            HttpResponse<String> response = who.get(path);
                            long took = System.nanoTime() - before;
                            boolean town = who.username().equals("leader");
                            if (response.statusCode() != 200) {
                                (isBoard ? board : mine).error(who.username() + " " + path + " " + response.statusCode());
                            } else if (isBoard && town && b < boardNanos.length) {
                                boardNanos[b++] = took;
                            } else if (isBoard && !town && v < villageNanos.length) {
                                villageNanos[v++] = took;
                            } else if (!isBoard && m < mineNanos.length) {
                                mineNanos[m++] = took;
                            }
                        } catch (Exception e) {
                            (isBoard ? board : mine).error(who.username() + " " + path + " " + e);
                        }
                    }
                    mine.add(mineNanos, m);
                    board.add(boardNanos, b);
                    villageBoard.add(villageNanos, v);
                    return null;
                }));
            }
            Future<String> dispatched = null;
            if (campaign != null) {
                Thread.sleep(seconds * 500L);
                dispatched = pool.submit(campaign::run);
            }
            for (Future<?> part : parts) {
                part.get();
            }
            double took = (System.nanoTime() - start) / 1e9;
            return new Result(mine, board, villageBoard, took, dispatched == null ? null : dispatched.get(), loadBefore, loadAverage());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Starts a campaign to every micro-grid of the town through the API, as the administrator, and times it. */
    private static String dispatch(Session admin, JdbcClient db) throws Exception {
        String town = db.sql("SELECT code FROM grid_region_node WHERE level = 'TOWN' ORDER BY code LIMIT 1")
                .query(String.class).single();
        String deadline = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String body = """
                {"name": "load campaign", "description": "every micro-grid, under load", "type": "PATROL",
                 "priority": "HIGH", "deadline": "%s", "scopeCode": "%s", "level": "MICRO_GRID", "wholeSubtree": true}"""
                .formatted(deadline, town);
        long before = System.nanoTime();
        HttpResponse<String> response = admin.post("/api/task/campaigns", body);
        double millis = (System.nanoTime() - before) / 1e6;
        Matcher tasks = Pattern.compile("\"tasks\"\\s*:\\s*(\\d+)").matcher(response.body());
        long micro = db.sql("SELECT count(*) FROM grid_region_node WHERE level IN ('MICRO_GRID', 'DEDICATED_MICRO_GRID')")
                .query(Long.class).single();
        return String.format("campaign dispatch: HTTP %d, %s tasks for %d micro-grids in %.0f ms (during the load)",
                response.statusCode(), tasks.find() ? tasks.group(1) : "? (" + response.body() + ")", micro, millis);
    }

    /** The plans of the two queries, as they ran at this size, for the record. */
    private static void explain(JdbcClient db, Fixture fixture, TransactionTemplate transaction) {
        String mine = """
                EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
                WITH mine AS MATERIALIZED (SELECT t.id, t.number, t.updated_at FROM task t
                 WHERE (t.assignee_user_id = '%s'::uuid OR t.assignee_staff_id = ANY(ARRAY['%s'::uuid])))
                SELECT t.id, t.number FROM mine t ORDER BY t.updated_at DESC, t.number DESC LIMIT 20"""
                .formatted(fixture.sampleUser(), fixture.sampleStaff());
        System.out.println("-- my tasks (one user, all states):");
        db.sql(mine).query(String.class).list().forEach(System.out::println);
        String town = db.sql("SELECT code FROM grid_region_node WHERE level = 'TOWN' ORDER BY code LIMIT 1")
                .query(String.class).single();
        String village = db.sql("SELECT code FROM grid_region_node WHERE level = 'VILLAGE' ORDER BY code LIMIT 1")
                .query(String.class).single();
        // as BoardCounters runs them: in one transaction without parallel workers
        transaction.executeWithoutResult(status -> {
            db.sql("SET LOCAL max_parallel_workers_per_gather = 0").update();
            explainBoard(db, "town board", town, village.length());
            explainBoard(db, "village board", village, village.length() + 3);
        });
    }

    /**
     * The board's two queries as BoardCounters sends them for a reader whose scope is the whole town
     * and no period: the month counters of the subtree, and the open tasks whose overdue mark and
     * deadline disagree.
     */
    private static void explainBoard(JdbcClient db, String title, String node, int childLength) {
        System.out.println("-- " + title + ", counters:");
        print(db.sql("""
                EXPLAIN (ANALYZE, COSTS OFF)
                SELECT left(c.region_code, %d) AS code, sum(c.open), sum(c.open_overdue), sum(c.closed), sum(c.closed_on_time)
                  FROM (SELECT region_code, department_id, open, open_overdue, closed, closed_on_time
                          FROM task_board_month WHERE region_code LIKE '%s%%') c
                 GROUP BY 1 HAVING sum(c.open) + sum(c.closed) > 0 ORDER BY 1""".formatted(childLength, node)));
        System.out.println("-- " + title + ", overdue marks that disagree with the clock:");
        print(db.sql("""
                EXPLAIN (ANALYZE, COSTS OFF)
                SELECT left(c.region_code, %1$d) AS code, sum(c.correction) AS correction
                  FROM (SELECT t.region_code, 1 AS correction FROM task t
                         WHERE t.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED')
                           AND NOT t.overdue AND t.deadline < now() AND t.region_code LIKE '%2$s%%'
                        UNION ALL
                        SELECT t.region_code, -1 FROM task t
                         WHERE t.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED')
                           AND t.overdue AND (t.deadline >= now() OR t.deadline IS NULL) AND t.region_code LIKE '%2$s%%') c
                 GROUP BY 1""".formatted(childLength, node)));
        System.out.printf("counter rows: %,d per day, %,d per month%n",
                db.sql("SELECT count(*) FROM task_board_day").query(Long.class).single(),
                db.sql("SELECT count(*) FROM task_board_month").query(Long.class).single());
    }

    private static void print(JdbcClient.StatementSpec explain) {
        explain.query(String.class).list().stream().filter(line -> !line.contains("Worker ")).forEach(System.out::println);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
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

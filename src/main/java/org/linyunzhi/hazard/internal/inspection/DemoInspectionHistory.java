package org.linyunzhi.hazard.internal.inspection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.StaffMember;
import org.linyunzhi.grid.Waterway;
import org.linyunzhi.hazard.internal.hazards.HazardIntake;
import org.linyunzhi.hazard.internal.hazards.HazardReport;
import org.linyunzhi.hazard.internal.hazards.ReportedHazard;
import org.linyunzhi.identity.UserDirectory;
import org.linyunzhi.registry.PlaceFilter;
import org.linyunzhi.registry.PlaceKind;
import org.linyunzhi.registry.RegistryApi;
import org.linyunzhi.registry.RegistryPlace;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo town's inspection year 2026: the seed's 28 campaigns, 2,451 points inspected, 360
 * hazards found and 252 of them rectified (70 %). Every figure comes from records written here,
 * through the campaign tables and the hazard intake (report, then the real rectification
 * transitions at past times), so the figures pages count what a real year would leave behind.
 * Deterministic (fixed seed) and run once: a database that holds campaigns is left alone.
 */
@Component
@Profile("demo")
@Order(60)
class DemoInspectionHistory implements ApplicationRunner {

    static final int INSPECTED = 2_451;
    static final int HAZARDS = 360;
    static final int RECTIFIED = 252;

    private static final Logger log = LoggerFactory.getLogger(DemoInspectionHistory.class);
    private static final long SEED = 20260604L;
    private static final double NEAR_WATER_METRES = 50;

    private final InspectionCampaigns campaigns;
    private final CampaignIssuing issuing;
    private final RegistryApi registry;
    private final GridApi grid;
    private final HazardIntake intake;
    private final UserDirectory users;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoInspectionHistory(InspectionCampaigns campaigns, CampaignIssuing issuing, RegistryApi registry, GridApi grid,
                          HazardIntake intake, UserDirectory users, JdbcClient jdbc, NamedParameterJdbcTemplate batch,
                          TransactionTemplate transaction, ObjectProvider<Clock> clock) {
        this.campaigns = campaigns;
        this.issuing = issuing;
        this.registry = registry;
        this.grid = grid;
        this.intake = intake;
        this.users = users;
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM hazard_campaign").query(Integer.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        List<RegistryPlace> all = registry.places(PlaceFilter.of(null), 1_000_000);
        if (all.isEmpty()) {
            log.warn("The registry holds no places: no inspection history written");
            return;
        }
        long read = System.nanoTime();
        transaction.executeWithoutResult(s -> write(all));
        log.info("Demo inspection history: {} campaigns, {} points inspected, {} hazards, {} rectified in {} ms"
                        + " (registry {} ms, {})", DemoCampaigns.ALL.size(), INSPECTED, HAZARDS, RECTIFIED,
                (System.nanoTime() - started) / 1_000_000, (read - started) / 1_000_000, lap);
    }

    /** A visited point and what it will be found to lack. */
    private record Visit(UUID inspectionId, InspectionPoint point, Campaign campaign, List<ChecklistItem> items,
                         Instant at, String inspector, Set<Integer> failedItems) {
    }

    /** Where the time went, for the log: a demo start must stay fast. */
    private final StringBuilder lap = new StringBuilder();
    private long lapStart;

    private void lap(String what) {
        long t = System.nanoTime();
        lap.append(what).append(' ').append((t - lapStart) / 1_000_000).append(" ms; ");
        lapStart = t;
    }

    private void write(List<RegistryPlace> all) {
        lapStart = System.nanoTime();
        Random rnd = new Random(SEED);
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(CampaignIssuing.TOWN_ZONE));
        UUID finder = users.byUsername("gridworker").map(UserDirectory.Person::id).orElse(null);
        List<Category> categories = categories();
        Map<DemoCampaigns.Targets, List<RegistryPlace>> pools = pools(all);
        List<DemoCampaigns.Definition> defs = DemoCampaigns.ALL;
        int[] inspected = shares(INSPECTED, defs.stream().mapToDouble(DemoCampaigns.Definition::weight).toArray());
        int[] hazards = shares(HAZARDS, defs.stream().mapToDouble(d -> d.weight() * d.hazardRate()).toArray());
        Map<String, String> inspectors = inspectors(all);
        lap("pools");

        List<Visit> visits = new ArrayList<>();
        Map<Visit, Integer> hazardsAt = new LinkedHashMap<>();
        Map<Campaign, List<InspectionPoint>> running = new LinkedHashMap<>();
        for (int c = 0; c < defs.size(); c++) {
            DemoCampaigns.Definition def = defs.get(c);
            boolean isRunning = !def.endsOn().isBefore(today);
            Campaign campaign = new Campaign(UUID.randomUUID(), String.format("PC2026-%04d", c + 1), def.name(),
                    CampaignType.valueOf(def.type()), def.department(), def.startsOn(), def.endsOn(),
                    isRunning ? Campaign.ACTIVE : Campaign.FINISHED, def.targets().name(), null,
                    def.startsOn().atTime(9, 0).atZone(CampaignIssuing.TOWN_ZONE).toInstant());
            List<Category> matching = matching(categories, def);
            List<ChecklistItem> items = new ArrayList<>();
            for (int i = 0; i < def.items().size(); i++) {
                items.add(new ChecklistItem(UUID.randomUUID(), campaign.id(), i + 1, def.items().get(i), def.department(),
                        matching.isEmpty() ? null : matching.get(i % matching.size()).code()));
            }
            campaigns.insert(campaign, items);
            // a running campaign still has a quarter of its points ahead of it
            int total = isRunning ? inspected[c] + inspected[c] / 3 : inspected[c];
            List<InspectionPoint> points = campaigns.insertPoints(campaign.id(), sample(pools.get(def.targets()), def, all,
                    total, rnd));
            List<Visit> ofCampaign = new ArrayList<>();
            for (int i = 0; i < inspected[c]; i++) {
                InspectionPoint p = points.get(i);
                ofCampaign.add(new Visit(UUID.randomUUID(), p, campaign, items, visitTime(def, today, now, rnd),
                        inspectors.getOrDefault(p.regionCode(), "-"), new HashSet<>()));
            }
            // the hazards of the campaign fall on distinct visited points, each on one failed item
            List<Visit> shuffled = new ArrayList<>(ofCampaign);
            Collections.shuffle(shuffled, rnd);
            for (int h = 0; h < hazards[c]; h++) {
                Visit v = shuffled.get(h);
                int item = rnd.nextInt(items.size());
                v.failedItems().add(item);
                hazardsAt.put(v, item);
            }
            visits.addAll(ofCampaign);
            if (isRunning) {
                running.put(campaign, points);
            }
        }
        lap("campaigns");
        // the campaigns still running have their rounds in the grid workers' task lists
        running.forEach((campaign, points) -> issuing.issueTasks(campaign, points, null));
        lap("tasks");
        storeVisits(visits);
        lap("visits");
        reportHazards(hazardsAt, categories, finder, now, rnd);
    }

    /**
     * Writes the visits, their points' results and a finding per item. Each table takes one statement
     * over arrays (unnest): thousands of rows in a fraction of a second, which keeps the demo start short.
     */
    private void storeVisits(List<Visit> visits) {
        int n = visits.size();
        String[] ids = new String[n], points = new String[n], names = new String[n], results = new String[n];
        String[] at = new String[n];
        double[] lons = new double[n], lats = new double[n];
        List<String> fIds = new ArrayList<>(), fInspections = new ArrayList<>(), fPoints = new ArrayList<>();
        List<String> fCampaigns = new ArrayList<>(), fItems = new ArrayList<>(), fDepartments = new ArrayList<>();
        List<Boolean> fPassed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Visit v = visits.get(i);
            ids[i] = v.inspectionId().toString();
            points[i] = v.point().id().toString();
            names[i] = v.inspector();
            results[i] = v.failedItems().isEmpty() ? "PASS" : "FAIL";
            at[i] = v.at().toString();
            lons[i] = v.point().lon();
            lats[i] = v.point().lat();
            for (int k = 0; k < v.items().size(); k++) {
                ChecklistItem item = v.items().get(k);
                fIds.add(UUID.randomUUID().toString());
                fInspections.add(ids[i]);
                fPoints.add(points[i]);
                fCampaigns.add(v.campaign().id().toString());
                fItems.add(item.id().toString());
                fDepartments.add(item.department());
                fPassed.add(!v.failedItems().contains(k));
            }
        }
        jdbc.sql("""
                INSERT INTO hazard_inspection (id, inspected_at, inspector_name, lon, lat)
                SELECT CAST(id AS uuid), CAST(at AS timestamptz), name, lon, lat
                  FROM unnest(CAST(:ids AS text[]), CAST(:at AS text[]), CAST(:names AS text[]),
                              CAST(:lons AS float8[]), CAST(:lats AS float8[])) AS v (id, at, name, lon, lat)""")
                .param("ids", ids).param("at", at).param("names", names).param("lons", lons).param("lats", lats)
                .update();
        jdbc.sql("""
                INSERT INTO hazard_inspection_visit_point (inspection_id, point_id, result)
                SELECT CAST(i AS uuid), CAST(p AS uuid), r
                  FROM unnest(CAST(:ids AS text[]), CAST(:points AS text[]), CAST(:results AS text[])) AS v (i, p, r)""")
                .param("ids", ids).param("points", points).param("results", results).update();
        jdbc.sql("""
                UPDATE hazard_inspection_point p SET inspected_at = CAST(v.at AS timestamptz), result = v.r, visits = 1
                  FROM unnest(CAST(:points AS text[]), CAST(:at AS text[]), CAST(:results AS text[])) AS v (id, at, r)
                 WHERE p.id = CAST(v.id AS uuid)""")
                .param("points", points).param("at", at).param("results", results).update();
        boolean[] passed = new boolean[fPassed.size()];
        for (int i = 0; i < passed.length; i++) {
            passed[i] = fPassed.get(i);
        }
        jdbc.sql("""
                INSERT INTO hazard_inspection_finding (id, inspection_id, point_id, campaign_id, item_id, department, passed)
                SELECT CAST(id AS uuid), CAST(i AS uuid), CAST(p AS uuid), CAST(c AS uuid), CAST(it AS uuid), d, ok
                  FROM unnest(CAST(:ids AS text[]), CAST(:inspections AS text[]), CAST(:points AS text[]),
                              CAST(:campaigns AS text[]), CAST(:items AS text[]), CAST(:departments AS text[]),
                              CAST(:passed AS boolean[])) AS f (id, i, p, c, it, d, ok)""")
                .param("ids", fIds.toArray(String[]::new)).param("inspections", fInspections.toArray(String[]::new))
                .param("points", fPoints.toArray(String[]::new)).param("campaigns", fCampaigns.toArray(String[]::new))
                .param("items", fItems.toArray(String[]::new)).param("departments", fDepartments.toArray(String[]::new))
                .param("passed", passed)
                .update();
    }

    /** Reports every hazard found, then walks the 252 oldest-but-for-chance of them to closure. */
    private void reportHazards(Map<Visit, Integer> hazardsAt, List<Category> categories, UUID finder, Instant now,
                               Random rnd) {
        record Found(UUID id, Instant at, int limitDays, double score) {
        }
        List<Found> found = new ArrayList<>();
        List<SqlParameterSource> links = new ArrayList<>();
        for (Map.Entry<Visit, Integer> e : hazardsAt.entrySet()) {
            Visit v = e.getKey();
            ChecklistItem item = v.items().get(e.getValue());
            Category category = categories.stream().filter(c -> c.code().equals(item.categoryCode())).findFirst()
                    .orElse(categories.get(rnd.nextInt(categories.size())));
            InspectionPoint p = v.point();
            String title = item.text() + " - " + p.name();
            ReportedHazard reported = intake.reportInThePast(new HazardReport(
                    title.length() > HazardReport.MAX_TITLE ? title.substring(0, HazardReport.MAX_TITLE) : title,
                    item.text(), category.code(), null, "INSPECTION", v.campaign().code(), v.campaign().id(),
                    v.inspectionId(), p.placeId(), p.name(), p.lon(), p.lat(), List.of(), v.at()), finder);
            links.add(new MapSqlParameterSource().addValue("h", reported.id()).addValue("note", item.text())
                    .addValue("i", v.inspectionId()).addValue("item", item.id()));
            // older findings are more likely closed; chance decides among those of a similar age
            found.add(new Found(reported.id(), v.at(), category.limitDays(),
                    v.at().getEpochSecond() + rnd.nextDouble() * Duration.ofDays(45).toSeconds()));
        }
        batch.batchUpdate("""
                UPDATE hazard_inspection_finding SET hazard_id = :h, note = :note WHERE inspection_id = :i AND item_id = :item""",
                links.toArray(SqlParameterSource[]::new));
        lap("reports");
        found.sort(Comparator.comparingDouble(Found::score));
        int closed = 0;
        java.util.Set<UUID> rectified = new java.util.HashSet<>();
        for (Found f : found) {
            if (closed == RECTIFIED) {
                break;
            }
            Instant latest = now.minus(Duration.ofHours(2));
            Instant ordered = f.at().plus(Duration.ofHours(3 + rnd.nextInt(20)));
            Instant evidence = ordered.plus(Duration.ofHours(12 + rnd.nextInt(Math.max(1, f.limitDays()) * 24)));
            Instant closedAt = evidence.plus(Duration.ofHours(4 + rnd.nextInt(44)));
            if (closedAt.isAfter(latest)) {
                continue;
            }
            intake.rectifyInThePast(f.id(), ordered, evidence, closedAt);
            rectified.add(f.id());
            closed++;
        }
        // the rest are still open; those past their deadline went overdue back then, not at start-up
        for (Found f : found) {
            if (!rectified.contains(f.id())) {
                intake.overdueInThePast(f.id());
            }
        }
        lap("rectifications");
        if (closed != RECTIFIED) {
            throw new IllegalStateException("only " + closed + " demo hazards could be closed in the past");
        }
    }

    /** A working day of the campaign, in working hours, before today. */
    private static Instant visitTime(DemoCampaigns.Definition def, LocalDate today, Instant now, Random rnd) {
        LocalDate last = def.endsOn().isBefore(today) ? def.endsOn() : today.minusDays(1);
        long days = Math.max(1, last.toEpochDay() - def.startsOn().toEpochDay() + 1);
        LocalDate day = def.startsOn().plusDays(rnd.nextInt((int) days));
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        Instant at = day.atTime(LocalTime.of(8, 30).plusMinutes(rnd.nextInt(9 * 60)))
                .atZone(CampaignIssuing.TOWN_ZONE).toInstant();
        return at.isBefore(now) ? at : now.minus(Duration.ofHours(1));
    }

    /** The campaign's places: from its pool (types or near water), topped up from the whole registry. */
    private static List<RegistryPlace> sample(List<RegistryPlace> pool, DemoCampaigns.Definition def,
                                              List<RegistryPlace> all, int count, Random rnd) {
        List<RegistryPlace> candidates = new ArrayList<>(def.orgTypes() == null ? pool
                : pool.stream().filter(p -> def.orgTypes().contains(p.orgType())).toList());
        Collections.shuffle(candidates, rnd);
        List<RegistryPlace> chosen = new ArrayList<>(candidates.subList(0, Math.min(count, candidates.size())));
        if (chosen.size() < count) {
            Set<UUID> taken = new HashSet<>();
            chosen.forEach(p -> taken.add(p.id()));
            List<RegistryPlace> rest = new ArrayList<>(all.stream().filter(p -> !taken.contains(p.id())).toList());
            Collections.shuffle(rest, rnd);
            chosen.addAll(rest.subList(0, Math.min(count - chosen.size(), rest.size())));
        }
        if (chosen.size() < count) {
            throw new IllegalStateException("the registry holds too few places for the demo history: " + all.size());
        }
        chosen.sort(Comparator.comparing(RegistryPlace::regionCode).thenComparing(RegistryPlace::name));
        return chosen;
    }

    private Map<DemoCampaigns.Targets, List<RegistryPlace>> pools(List<RegistryPlace> all) {
        Map<DemoCampaigns.Targets, List<RegistryPlace>> pools = new HashMap<>();
        pools.put(DemoCampaigns.Targets.HOUSES, all.stream().filter(p -> p.kind() == PlaceKind.HOUSE).toList());
        pools.put(DemoCampaigns.Targets.RENTED_HOUSES,
                all.stream().filter(p -> p.kind() == PlaceKind.HOUSE && p.rented()).toList());
        pools.put(DemoCampaigns.Targets.ORGANISATIONS,
                all.stream().filter(p -> p.kind() == PlaceKind.ORGANISATION).toList());
        List<Geometry> water = grid.waterways().stream().map(Waterway::geometry).toList();
        List<RegistryPlace> near = water.isEmpty() ? List.of() : registry.places(new PlaceFilter(PlaceKind.HOUSE, null,
                null, null, null, null, new GeometryFactory().buildGeometry(water.stream()
                        .filter(g -> g.getDimension() < 2).toList()), NEAR_WATER_METRES), 1_000_000);
        pools.put(DemoCampaigns.Targets.NEAR_WATER, near);
        return pools;
    }

    /** Who inspects in each micro-grid: its head, else anybody on its roster. */
    private Map<String, String> inspectors(List<RegistryPlace> places) {
        Set<String> codes = new HashSet<>();
        for (RegistryPlace p : places) {
            codes.add(p.regionCode());
            if (p.dedicatedRegionCode() != null) {
                codes.add(p.dedicatedRegionCode());
            }
        }
        Map<String, String> names = new HashMap<>();
        for (StaffMember m : grid.rosters(codes)) {
            if (m.role() == org.linyunzhi.grid.StaffRole.MICRO_GRID_HEAD || !names.containsKey(m.nodeCode())) {
                names.put(m.nodeCode(), m.name());
            }
        }
        return names;
    }

    private record Category(String code, String name, String department, int limitDays) {
    }

    private List<Category> categories() {
        return jdbc.sql("SELECT code, name, department, time_limit_days FROM hazard_category WHERE active ORDER BY code")
                .query((rs, n) -> new Category(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }

    /** The categories whose names carry the campaign's words, the campaign department's first. */
    private static List<Category> matching(List<Category> categories, DemoCampaigns.Definition def) {
        List<Category> hits = new ArrayList<>(categories.stream()
                .filter(c -> def.keywords().stream().anyMatch(c.name()::contains)).toList());
        hits.sort(Comparator.comparing((Category c) -> !def.department().equals(c.department())).thenComparing(Category::code));
        return hits.size() > 6 ? hits.subList(0, 6) : hits;
    }

    /** Shares a total among parts in proportion to weights, exactly (largest remainders, ties to the earlier). */
    static int[] shares(int total, double[] weights) {
        double sum = java.util.Arrays.stream(weights).sum();
        int[] share = new int[weights.length];
        double[] rest = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double quota = weights[i] / sum * total;
            share[i] = (int) Math.floor(quota);
            rest[i] = quota - share[i];
            given += share[i];
        }
        for (; given < total; given++) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (rest[i] > rest[best]) {
                    best = i;
                }
            }
            share[best]++;
            rest[best] = -1;
        }
        return share;
    }
}

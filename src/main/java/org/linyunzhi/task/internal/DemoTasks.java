package org.linyunzhi.task.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.Location;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.grid.StaffMember;
import org.linyunzhi.grid.StaffRole;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.identity.UserDirectory;
import org.linyunzhi.task.TaskEvents;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.linyunzhi.task.internal.supervision.DeadlineTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo town's task history: about four months of tasks across the town, three campaigns among
 * them the seed's "2022年临浦“五水共治”线索督办专项行动" (issued by 戴红芳, as in the seed's table), mostly
 * closed, some open, some overdue, some returned, so every list, board and phone page has something
 * true to show. Each task is played through the real aggregate (the same transition table and
 * rules as live work) at past times, then all are stored with batch inserts in one transaction.
 * <p>
 * It also links the demo users gridworker, microhead, micromember and cadre to roster people of
 * their nodes, so "my tasks" is theirs. Runs after the grid (10) and identity (20) demo loaders;
 * a fixed seed makes the history the same on every run; a loaded history is left alone. Its open
 * tasks get deadline timers like live ones. The history publishes no events: notifications and
 * points react to live work, not to the past.
 */
@Component
@Profile("demo")
@Order(40)
class DemoTasks implements ApplicationRunner {

    static final long SEED = 20221026L + 40;
    static final int HISTORY_DAYS = 120;
    static final int TASKS = 2400;
    private static final Logger log = LoggerFactory.getLogger(DemoTasks.class);
    private static final Set<String> ALL_TASK_PERMISSIONS = Set.of("task:view", "task:create", "task:dispatch",
            "task:do", "task:review", "task:campaign", "task:supervise", "task:urge");

    private final GridApi grid;
    private final UserDirectory users;
    private final Tasks tasks;
    private final Campaigns campaigns;
    private final TaskNumbers numbers;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    // the open tasks of the history get their deadline timers like live ones, when supervision runs
    private final ObjectProvider<DeadlineTimers> timers;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    DemoTasks(GridApi grid, UserDirectory users, Tasks tasks, Campaigns campaigns, TaskNumbers numbers, JdbcClient jdbc,
              TransactionTemplate transaction, ObjectProvider<DeadlineTimers> timers, ObjectProvider<Clock> clock,
              ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.grid = grid;
        this.users = users;
        this.tasks = tasks;
        this.campaigns = campaigns;
        this.numbers = numbers;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.timers = timers;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Override
    public void run(ApplicationArguments args) {
        List<RegionNode> towns = grid.children(null);
        if (towns.isEmpty()) {
            log.info("Demo tasks: no region tree, nothing to do");
            return;
        }
        linkDemoUsers();
        boolean loaded = jdbc.sql("SELECT EXISTS (SELECT 1 FROM task_campaign WHERE name = :name)")
                .param("name", DemoTaskTexts.SEED_CAMPAIGN).query(Boolean.class).single();
        if (loaded) {
            log.info("Demo tasks are already loaded; left as they are");
            return;
        }
        long start = System.nanoTime();
        int count = transaction.execute(status -> new History(towns.get(0).code()).write());
        log.info("Demo tasks: {} tasks written in {} ms", count, (System.nanoTime() - start) / 1_000_000);
    }

    /** Links each demo worker to the roster person holding their role on their node, unless already linked. */
    private void linkDemoUsers() {
        link("gridworker", StaffRole.FULL_TIME_WORKER, false);
        link("cadre", StaffRole.GRID_HEAD, true);
        link("microhead", StaffRole.MICRO_GRID_HEAD, false);
        link("micromember", StaffRole.MICRO_GRID_MEMBER, false);
    }

    private void link(String username, StaffRole role, boolean firstGridOfNode) {
        users.byUsername(username).ifPresent(user -> {
            if (!grid.staffLinkedTo(user.id()).isEmpty()) {
                return;
            }
            String node = firstGridOfNode
                    ? grid.children(user.regionCode()).stream().findFirst().map(RegionNode::code).orElse(null)
                    : user.regionCode();
            if (node == null) {
                return;
            }
            grid.rosters(List.of(node)).stream().filter(m -> m.role() == role && m.userId() == null).findFirst()
                    .ifPresent(m -> grid.linkUser(m.staffId(), user.id()));
        });
    }

    /** How far a task gets: the share of its deadline its work takes, a return on the way, a stop or a cancellation. */
    private record Plan(double pace, boolean returnOnce, TaskState stopAt, boolean cancel) {

        static Plan random(Random rnd) {
            double roll = rnd.nextDouble();
            boolean returnOnce = rnd.nextDouble() < 0.10;
            if (roll < 0.03) {
                return new Plan(0.5, false, null, true);
            }
            if (roll < 0.055) {
                TaskState stop = DemoTaskTexts.pick(List.of(TaskState.DISPATCHED, TaskState.ACCEPTED, TaskState.IN_PROGRESS), rnd);
                return new Plan(0.6, false, stop, false);
            }
            if (roll < 0.135) {
                return new Plan(1.05 + rnd.nextDouble() * 0.8, returnOnce, null, false);
            }
            return new Plan(0.2 + rnd.nextDouble() * 0.75, returnOnce, null, false);
        }

        /** Stops at a state reached by now: the steps are spread over the time since the task was issued. */
        static Plan upTo(TaskState stop, boolean returnOnce) {
            return new Plan(-1, returnOnce, stop, false);
        }
    }

    /** One task to write: when it was issued and how to play it once it has its number. */
    private record Order(Instant created, Function<String, Task> play) {
    }

    private final class History {

        private final Random rnd = new Random(SEED);
        private final Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        private final String town;
        private final Issuer office;
        private final Actor officeActor;
        private final Actor cadreActor;
        private final List<double[]> points = new ArrayList<>();
        private final List<String> pointNodes = new ArrayList<>();
        private final Map<String, RegionNode> nodes = new HashMap<>();
        private final Map<String, List<StaffMember>> rosters = new HashMap<>();
        private final List<Order> orders = new ArrayList<>();

        History(String town) {
            this.town = town;
            var officer = users.byUsername("officer");
            this.office = officer.map(p -> new Issuer(p.id(), p.displayName(), p.departmentId(), p.departmentName()))
                    .orElse(new Issuer(null, DemoTaskTexts.PAST_ISSUERS.get(0), null, null));
            this.officeActor = actor(office.userId(), office.name(), Set.of());
            this.cadreActor = users.byUsername("cadre").map(p -> actor(p.id(), p.displayName(), Set.of())).orElse(officeActor);
        }

        int write() {
            for (RegionLevel level : List.of(RegionLevel.VILLAGE, RegionLevel.GRID, RegionLevel.MICRO_GRID,
                    RegionLevel.DEDICATED_MICRO_GRID)) {
                grid.descendants(town, level).forEach(n -> nodes.put(n.code(), n));
            }
            grid.rosters(nodes.keySet()).forEach(m -> rosters.computeIfAbsent(m.nodeCode(), k -> new ArrayList<>()).add(m));
            samplePoints();
            if (points.isEmpty()) {
                return 0;
            }
            randomTasks();
            campaigns();
            demoUserTasks();
            orders.sort(Comparator.comparing(Order::created));
            Map<LocalDate, List<Order>> byDay = new TreeMap<>();
            orders.forEach(o -> byDay.computeIfAbsent(LocalDate.ofInstant(o.created(), TaskNumbers.TOWN_ZONE),
                    d -> new ArrayList<>()).add(o));
            List<Task> written = new ArrayList<>(orders.size());
            byDay.forEach((day, list) -> {
                List<String> drawn = numbers.next(day, list.size());
                for (int i = 0; i < list.size(); i++) {
                    written.add(list.get(i).play().apply(drawn.get(i)));
                }
            });
            tasks.insert(written);
            publisher.publishEvent(history(written));
            DeadlineTimers deadlineTimers = timers.getIfAvailable();
            if (deadlineTimers != null) {
                written.stream().filter(t -> t.state().isOpen() && t.deadline() != null && t.deadline().isAfter(now))
                        .forEach(t -> deadlineTimers.schedule(t.id(), t.deadline()));
            }
            return written.size();
        }

        /** What happened to the written tasks, in the order it happened, for the points ledger. */
        private TaskEvents.TaskHistoryWritten history(List<Task> written) {
            List<TaskEvents.TaskDispatched> dispatched = new ArrayList<>();
            List<TaskEvents.TaskApproved> approved = new ArrayList<>();
            List<TaskEvents.TaskOverdue> overdue = new ArrayList<>();
            for (Task task : written) {
                for (Object event : task.events()) {
                    if (event instanceof TaskEvents.TaskDispatched e) {
                        dispatched.add(e);
                    } else if (event instanceof TaskEvents.TaskApproved e) {
                        approved.add(e);
                    } else if (event instanceof TaskEvents.TaskOverdue e) {
                        overdue.add(e);
                    }
                }
                task.events().clear();
            }
            return new TaskEvents.TaskHistoryWritten(dispatched, approved, overdue);
        }

        /**
         * Places where problems are found: random points of the town, each with the micro-grid it
         * falls in. Tasks go where the points are, so busy big micro-grids get more work, like life.
         */
        private void samplePoints() {
            double lon0 = 120.25;
            double lat0 = 30.05;
            int tries = 0;
            while (points.size() < 1200 && tries++ < 4000) {
                double lon = lon0 + (rnd.nextDouble() - 0.5) * 0.16;
                double lat = lat0 + (rnd.nextDouble() - 0.5) * 0.14;
                Location at = grid.locate(lon, lat);
                if (at.found() && nodes.containsKey(at.microGrid().code())) {
                    points.add(new double[] {lon, lat});
                    pointNodes.add(at.microGrid().code());
                }
            }
        }

        private void randomTasks() {
            long window = Duration.ofDays(HISTORY_DAYS).toMinutes();
            TaskType[] types = TaskType.values();
            for (int i = 0; i < TASKS; i++) {
                int p = rnd.nextInt(points.size());
                String micro = pointNodes.get(p);
                // two in five go to the grid (its full-time worker), the rest to the micro-grid where the problem is
                String target = rnd.nextDouble() < 0.4 ? micro.substring(0, RegionLevel.GRID.codeLength()) : micro;
                Instant created = now.minus(Duration.ofMinutes(60 + (long) (rnd.nextDouble() * window)));
                Instant deadline = created.plus(Duration.ofHours(24L * (1 + rnd.nextInt(10))));
                TaskType type = types[rnd.nextInt(types.length)];
                TaskSource source = DemoTaskTexts.pick(List.of(TaskSource.DEPARTMENT, TaskSource.DEPARTMENT,
                        TaskSource.DEPARTMENT, TaskSource.ROUTINE, TaskSource.SELF_REPORTED, TaskSource.EVENT,
                        TaskSource.HAZARD), rnd);
                Issuer issuer = rnd.nextDouble() < 0.7 ? office
                        : new Issuer(null, DemoTaskTexts.pick(DemoTaskTexts.PAST_ISSUERS, rnd), office.departmentId(),
                        office.departmentName());
                TaskPriority priority = DemoTaskTexts.pick(List.of(TaskPriority.NORMAL, TaskPriority.NORMAL,
                        TaskPriority.NORMAL, TaskPriority.LOW, TaskPriority.HIGH, TaskPriority.URGENT), rnd);
                String name = DemoTaskTexts.name(type, rnd);
                order(created, target, null, name, DemoTaskTexts.description(name, nodes.get(target).name()), type,
                        source, null, priority, deadline, issuer, p, Plan.random(rnd));
            }
        }

        private void campaigns() {
            List<RegionNode> grids = nodes.values().stream().filter(n -> n.level() == RegionLevel.GRID)
                    .sorted(Comparator.comparing(RegionNode::code)).toList();
            Issuer seedIssuer = new Issuer(null, DemoTaskTexts.SEED_ISSUER, office.departmentId(), office.departmentName());
            campaign(DemoTaskTexts.SEED_CAMPAIGN, DemoTaskTexts.SEED_TASK_NAME, TaskType.PATROL, seedIssuer, grids,
                    now.minus(Duration.ofDays(20)), now.plus(Duration.ofDays(10)), 0.3, 1.2);
            campaign(DemoTaskTexts.FIRE_CAMPAIGN, null, TaskType.PATROL, office, grids,
                    now.minus(Duration.ofDays(70)), now.minus(Duration.ofDays(56)), 0.2, 1.3);
            List<String> firstVillages = nodes.values().stream().filter(n -> n.level() == RegionLevel.VILLAGE)
                    .map(RegionNode::code).sorted().limit(2).toList();
            List<RegionNode> micro = nodes.values().stream()
                    .filter(n -> n.level() == RegionLevel.MICRO_GRID && firstVillages.stream().anyMatch(n.code()::startsWith))
                    .sorted(Comparator.comparing(RegionNode::code)).toList();
            campaign(DemoTaskTexts.FLOOD_CAMPAIGN, null, TaskType.PATROL, office, micro,
                    now.minus(Duration.ofDays(100)), now.minus(Duration.ofDays(93)), 0.2, 1.2);
        }

        private void campaign(String name, String taskName, TaskType type, Issuer issuer, List<RegionNode> targets,
                              Instant created, Instant deadline, double minPace, double maxPace) {
            UUID id = UUID.randomUUID();
            RegionLevel level = targets.isEmpty() ? RegionLevel.GRID : targets.get(0).level();
            campaigns.insert(new Campaigns.Campaign(id, name, DemoTaskTexts.campaignDescription(name), type,
                    TaskPriority.HIGH, deadline, town, level, level == RegionLevel.GRID, issuer.userId(), issuer.name(),
                    issuer.departmentName(), targets.size(), created), issuer);
            for (RegionNode node : targets) {
                double pace = minPace + rnd.nextDouble() * (maxPace - minPace);
                boolean returnOnce = rnd.nextDouble() < 0.08;
                order(created, node.code(), id, taskName == null ? name : taskName, name, type, TaskSource.CAMPAIGN, null,
                        TaskPriority.HIGH, deadline, issuer, pointIn(node.code()), new Plan(pace, returnOnce, null, false));
            }
        }

        /** A handful of tasks for the demo workers' own roster people, in every state their phone shows. */
        private void demoUserTasks() {
            for (String username : List.of("micromember", "microhead", "gridworker")) {
                users.byUsername(username).ifPresent(user -> grid.staffLinkedTo(user.id()).stream().findFirst()
                        .flatMap(staffId -> rosters.values().stream().flatMap(List::stream)
                                .filter(m -> m.staffId().equals(staffId)).findFirst())
                        .ifPresent(this::tasksFor));
            }
        }

        private void tasksFor(StaffMember person) {
            Assignee assignee = new Assignee(person.staffId(), person.name(), person.userId());
            int point = pointIn(person.nodeCode());
            List<Object[]> plans = List.of(
                    new Object[] {Plan.upTo(TaskState.DISPATCHED, false), 6, 3},
                    new Object[] {Plan.upTo(TaskState.ACCEPTED, false), 30, 2},
                    new Object[] {Plan.upTo(TaskState.RETURNED, true), 50, 4},
                    new Object[] {Plan.upTo(TaskState.IN_PROGRESS, false), 120, -1},
                    new Object[] {new Plan(0.5, false, null, false), 400, -300},
                    new Object[] {new Plan(0.7, true, null, false), 900, -700});
            TaskType[] types = TaskType.values();
            for (Object[] p : plans) {
                Instant created = now.minus(Duration.ofHours((Integer) p[1]));
                Instant deadline = now.plus(Duration.ofHours(24L * (Integer) p[2]));
                if (!deadline.isAfter(created)) {
                    deadline = created.plus(Duration.ofDays(3));
                }
                TaskType type = types[rnd.nextInt(types.length)];
                String name = DemoTaskTexts.name(type, rnd);
                order(created, person.nodeCode(), null, name, DemoTaskTexts.description(name, nodes.get(person.nodeCode()).name()),
                        type, TaskSource.DEPARTMENT, assignee, TaskPriority.NORMAL, deadline, office, point, (Plan) p[0]);
            }
        }

        /** A sample point in the node, or -1 when none of the samples fell in it. */
        private int pointIn(String code) {
            for (int i = 0; i < pointNodes.size(); i++) {
                if (pointNodes.get(i).startsWith(code)) {
                    return i;
                }
            }
            return -1;
        }

        private void order(Instant created, String target, UUID campaignId, String name, String description, TaskType type,
                           TaskSource source, Assignee named, TaskPriority priority, Instant deadline, Issuer issuer,
                           int point, Plan plan) {
            RegionNode node = nodes.get(target);
            Assignee assignee = named != null ? named
                    : DefaultAssignee.of(node.level(), rosters.getOrDefault(target, List.of()))
                    .map(DefaultAssignee::toAssignee).orElse(null);
            double[] at = point < 0 ? null : points.get(point);
            Task.Details details = new Task.Details(name, description, type, source, null, campaignId, priority,
                    deadline.truncatedTo(ChronoUnit.SECONDS), node.code(), node.name(), assignee,
                    at == null ? null : at[0], at == null ? null : at[1]);
            long seed = rnd.nextLong();
            orders.add(new Order(created, number -> play(details, issuer, number, created, plan, new Random(seed))));
        }

        /** Plays one task through the aggregate at past times; steps that would lie in the future do not happen. */
        private Task play(Task.Details d, Issuer issuer, String number, Instant created, Plan plan, Random r) {
            Actor issuing = issuer.userId() == null ? actor(null, issuer.name(), Set.of()) : officeActor;
            Task task = Task.issue(d, issuer, number, issuing, created);
            task.dispatch(issuing, created.plus(Duration.ofMinutes(3 + r.nextInt(30))));
            if (plan.stopAt() == TaskState.DISPATCHED || task.assignee() == null) {
                return overdueIfLate(task, issuing, r);
            }
            Actor worker = actor(task.assignee().userId(), task.assignee().name(),
                    task.assignee().staffId() == null ? Set.of() : Set.of(task.assignee().staffId()));
            Actor reviewer = r.nextBoolean() ? officeActor : cadreActor;
            long span = Duration.between(created, d.deadline()).toMinutes();
            double pace = plan.pace() >= 0 ? plan.pace()
                    : 0.95 * Duration.between(created, now).toMinutes() / Math.max(1, span);
            Function<Double, Instant> at = f -> created.plus(Duration.ofMinutes(Math.max(5, (long) (span * pace * f))));
            if (plan.cancel()) {
                Instant when = at.apply(0.3);
                if (!when.isAfter(now)) {
                    task.cancel(issuing, "任务重复，已合并办理", when);
                }
                return task;
            }
            List<Step> steps = new ArrayList<>(List.of(new Step(TaskAction.ACCEPT, 0.1), new Step(TaskAction.CHECK_IN, 0.25)));
            if (plan.returnOnce()) {
                steps.addAll(List.of(new Step(TaskAction.SUBMIT, 0.5), new Step(TaskAction.RETURN, 0.6),
                        new Step(TaskAction.CHECK_IN, 0.7), new Step(TaskAction.SUBMIT, 0.85)));
            } else {
                steps.add(new Step(TaskAction.SUBMIT, 0.8));
            }
            steps.add(new Step(TaskAction.APPROVE, 1.0));
            for (Step step : steps) {
                Instant when = at.apply(step.fraction());
                if (when.isAfter(now) || (plan.stopAt() != null && task.state() == plan.stopAt())) {
                    break;
                }
                markOverdueBefore(task, when);
                switch (step.action()) {
                    case ACCEPT -> task.accept(worker, null, when);
                    case CHECK_IN -> task.checkIn(worker, checkIn(task, d, when, r));
                    case SUBMIT -> task.submit(worker, DemoTaskTexts.result(r), when);
                    case RETURN -> task.returnForRework(reviewer, DemoTaskTexts.returnReason(r), when);
                    case APPROVE -> task.approve(reviewer, when);
                    default -> throw new IllegalStateException(step.action().name());
                }
            }
            return overdueIfLate(task, issuing, r);
        }

        private record Step(TaskAction action, double fraction) {
        }

        private void markOverdueBefore(Task task, Instant when) {
            if (task.deadline() != null && task.deadline().isBefore(when)) {
                task.markOverdue(Actor.system(TaskDeadlines.SYSTEM), task.deadline());
            }
        }

        /** Still open past the deadline: marked overdue at the deadline, and often urged a day later. */
        private Task overdueIfLate(Task task, Actor issuing, Random r) {
            if (task.state().isOpen() && task.deadline() != null && task.deadline().isBefore(now)) {
                task.markOverdue(Actor.system(TaskDeadlines.SYSTEM), task.deadline());
                Instant urged = task.deadline().plus(Duration.ofDays(1));
                if (urged.isBefore(now) && r.nextBoolean() && TaskAction.URGE.allowedFrom(task.state())) {
                    task.urge(officeActor, "请尽快办理，今日内反馈进展。", urged);
                }
            }
            return task;
        }

        /** Where the worker checked in: near the task's point, now and then somewhere else (flagged). */
        private Task.CheckIn checkIn(Task task, Task.Details d, Instant when, Random r) {
            if (d.lon() == null) {
                return new Task.CheckIn(when, null, null, null, true);
            }
            if (r.nextDouble() < 0.04) {
                int other = r.nextInt(points.size());
                String node = pointNodes.get(other);
                return new Task.CheckIn(when, points.get(other)[0], points.get(other)[1], node,
                        !node.startsWith(task.regionCode()));
            }
            // within about ten metres of where the problem was reported
            double lon = d.lon() + (r.nextDouble() - 0.5) * 0.0002;
            double lat = d.lat() + (r.nextDouble() - 0.5) * 0.0002;
            return new Task.CheckIn(when, lon, lat, task.regionCode().length() >= RegionLevel.MICRO_GRID.codeLength()
                    ? task.regionCode() : null, false);
        }
    }

    private static Actor actor(UUID userId, String name, Set<UUID> staffIds) {
        return new Actor(userId, name, ALL_TASK_PERMISSIONS, DataScope.all(), staffIds);
    }
}

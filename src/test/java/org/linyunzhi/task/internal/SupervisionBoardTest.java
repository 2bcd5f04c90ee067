package org.linyunzhi.task.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The supervision board's rates, on a department's own tasks with known outcomes: open overdue tasks
 * count in the denominator of the on-time rate, closed-late ones count as closed but not on time.
 */
@IntegrationTest
@AutoConfigureMockMvc
class SupervisionBoardTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    GridApi grid;

    @Autowired
    Tasks tasks;

    @Autowired
    TaskNumbers numbers;

    private final Instant now = Instant.now();

    @Test
    void onTimeRateCountsOpenOverdueTasksInTheDenominator() throws Exception {
        RegionNode village = TaskFixtures.village(grid, 7);
        List<RegionNode> grids = grid.descendants(village.code(), RegionLevel.GRID);
        UUID department = UUID.randomUUID();
        Issuer issuer = new Issuer(null, "Board test", department, "Test office");
        List<Task> made = new ArrayList<>();
        String g1 = grids.get(0).code();
        String g2 = grids.get(1).code();
        for (int i = 0; i < 3; i++) {
            made.add(closed(issuer, g1, 10, 5, 2)); // approved two days after issue, deadline five days
        }
        made.add(closed(issuer, g1, 10, 2, 4)); // approved after its deadline
        made.add(open(issuer, g1, 10, 3)); // open, deadline passed a week ago
        made.add(open(issuer, g1, 1, 5)); // open, not yet due
        made.add(open(issuer, g2, 6, 2));
        made.add(open(issuer, g2, 6, 1));
        tasks.insert(made);

        CurrentUser officer = org.linyunzhi.testsupport.AsUser.user("board-" + UUID.randomUUID(),
                DataScope.department(department, TaskFixtures.TOWN), TaskFixtures.OFFICER);
        mvc.perform(get("/api/task/supervision").param("node", village.code()).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.childLevel").value("GRID"))
                .andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.rows[0].code").value(g1))
                .andExpect(jsonPath("$.rows[0].closed").value(4))
                .andExpect(jsonPath("$.rows[0].closedOnTime").value(3))
                .andExpect(jsonPath("$.rows[0].open").value(2))
                .andExpect(jsonPath("$.rows[0].openOverdue").value(1))
                .andExpect(jsonPath("$.rows[0].onTimeRate", Matchers.closeTo(0.6, 1e-9), Double.class))
                .andExpect(jsonPath("$.rows[1].onTimeRate").value(0.0))
                .andExpect(jsonPath("$.total.onTimeRate", Matchers.closeTo(3.0 / 7, 1e-9), Double.class));

        // one level up, the village is one row with the same figures; the page shows the rates
        mvc.perform(get("/api/task/supervision").with(as(officer)))
                .andExpect(jsonPath("$.node.code").value(TaskFixtures.TOWN))
                .andExpect(jsonPath("$.rows[0].code").value(village.code()))
                .andExpect(jsonPath("$.rows[0].openOverdue").value(3));
        mvc.perform(get("/task/supervision").param("node", village.code()).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("60.0%")))
                .andExpect(content().string(Matchers.containsString("42.9%")))
                .andExpect(content().string(Matchers.containsString("overdue=true")));

        // a village cadre cannot look at another village's board
        CurrentUser cadre = org.linyunzhi.testsupport.AsUser.user("cadre-" + UUID.randomUUID(),
                DataScope.region(TaskFixtures.village(grid, 0).code()), "task:supervise");
        mvc.perform(get("/api/task/supervision").param("node", village.code()).with(as(cadre))).andExpect(status().isNotFound());
    }

    @Test
    void theRatesOfAnEmptyNodeAreUnknownNotPerfect() {
        SupervisionBoard.Rates none = new SupervisionBoard.Rates("x", "x", 2, 2, 0, 0, 0);
        assertThat(none.onTimeRate()).isNull();
        assertThat(none.onTimePercent()).isEqualTo("-");
        assertThat(new SupervisionBoard.Rates("x", "x", 5, 1, 1, 4, 2).onTimeRate()).isCloseTo(0.4, within(1e-9));
    }

    private Task closed(Issuer issuer, String node, int daysAgo, int dueAfterDays, int doneAfterDays) {
        Instant created = now.minus(Duration.ofDays(daysAgo));
        Task task = issued(issuer, node, created, created.plus(Duration.ofDays(dueAfterDays)));
        Actor worker = actor(Set.of(task.assignee().staffId()));
        Instant done = created.plus(Duration.ofDays(doneAfterDays));
        task.accept(worker, null, created.plusSeconds(3600));
        task.checkIn(worker, new Task.CheckIn(created.plusSeconds(7200), null, null, null, true));
        task.submit(worker, "done", done.minusSeconds(3600));
        task.approve(actor(Set.of()), done);
        return task;
    }

    private Task open(Issuer issuer, String node, int daysAgo, int dueAfterDays) {
        Instant created = now.minus(Duration.ofDays(daysAgo));
        return issued(issuer, node, created, created.plus(Duration.ofDays(dueAfterDays)));
    }

    private Task issued(Issuer issuer, String node, Instant created, Instant deadline) {
        Actor office = actor(Set.of());
        Task task = Task.issue(new Task.Details("Board", null, TaskType.PATROL, TaskSource.DEPARTMENT, null, null,
                        TaskPriority.NORMAL, deadline, node, node, new Assignee(UUID.randomUUID(), "worker", null), null, null),
                issuer, numbers.next(LocalDate.now(TaskNumbers.TOWN_ZONE), 1).get(0), office, created);
        task.dispatch(office, created);
        return task;
    }

    private static Actor actor(Set<UUID> staff) {
        return new Actor(UUID.randomUUID(), "test", Set.of("task:view", "task:dispatch", "task:do", "task:review"),
                DataScope.all(), staff);
    }
}

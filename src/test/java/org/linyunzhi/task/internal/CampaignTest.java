package org.linyunzhi.task.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.linyunzhi.testsupport.IntegrationTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Campaigns: one task per node of the scope, each with the node's default person, progress counted
 * per village and grid as the tasks move, and the whole town's 852 micro-grids in one go.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CampaignTest {

    private static final Logger log = LoggerFactory.getLogger(CampaignTest.class);

    @Autowired
    MockMvc mvc;

    @Autowired
    GridApi grid;

    @Autowired
    CampaignDispatch dispatch;

    @Autowired
    CampaignProgress progress;

    @Autowired
    Campaigns campaigns;

    @Autowired
    TaskLifecycle lifecycle;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCampaignSendsOneTaskToEveryGridOfTheScopeAndCountsProgress() throws Exception {
        RegionNode village = TaskFixtures.village(grid, 5);
        List<RegionNode> grids = grid.descendants(village.code(), RegionLevel.GRID);
        CurrentUser officer = TaskFixtures.officer("officer", UUID.randomUUID());
        String body = """
                {"name":"Flood check","description":"Check the drains","type":"PATROL","priority":"HIGH",
                 "deadline":"%s","scopeCode":"%s","level":"GRID","wholeSubtree":true}""".formatted(TaskFixtures.inDays(5), village.code());
        String created = mvc.perform(post("/api/task/campaigns").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.tasks").value(grids.size()))
                .andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(created.replaceAll(".*\"campaign\":\\{\"id\":\"([0-9a-f-]+)\".*", "$1"));

        List<Map<String, Object>> rows = jdbc.sql("SELECT region_code, state, assignee_name, source FROM task WHERE campaign_id = :id")
                .param("id", id).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("region_code")).containsExactlyInAnyOrderElementsOf(
                grids.stream().map(RegionNode::code).toList());
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("state")).isEqualTo("DISPATCHED");
            assertThat(r.get("source")).isEqualTo("CAMPAIGN");
            assertThat(r.get("assignee_name")).isNotNull(); // the grid's full-time worker
        });

        // the first grid's task is accepted and done: progress follows, per grid and for the village
        UUID firstTask = jdbc.sql("SELECT id FROM task WHERE campaign_id = :id AND region_code = :g").param("id", id)
                .param("g", grids.get(0).code()).query(UUID.class).single();
        CurrentUser anyone = TaskFixtures.worker("w", grids.get(0).code());
        UUID staff = jdbc.sql("SELECT assignee_staff_id FROM task WHERE id = :t").param("t", firstTask).query(UUID.class).single();
        grid.linkUser(staff, anyone.id()); // the roster person signs in as this worker
        lifecycle.accept(firstTask, null, anyone);

        mvc.perform(get("/api/task/campaigns/{id}", id).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.byState.DISPATCHED").value(grids.size() - 1))
                .andExpect(jsonPath("$.total.byState.ACCEPTED").value(1))
                .andExpect(jsonPath("$.villages.length()").value(1))
                .andExpect(jsonPath("$.grids.length()").value(grids.size()))
                .andExpect(jsonPath("$.grids[0].byState.ACCEPTED").value(1));

        // a cadre of another village sees neither the campaign nor its figures
        CurrentUser stranger = AsUserFixtures.cadre(TaskFixtures.village(grid, 0).code());
        mvc.perform(get("/api/task/campaigns/{id}", id).with(as(stranger))).andExpect(status().isNotFound());
        // the page shows the same counts
        mvc.perform(get("/task/campaigns/{id}", id).with(as(officer))).andExpect(status().isOk());
    }

    @Test
    void aCampaignToHandPickedGridsRefusesNodesOutsideTheScope() throws Exception {
        RegionNode village = TaskFixtures.village(grid, 5);
        List<RegionNode> grids = grid.descendants(village.code(), RegionLevel.GRID);
        CurrentUser officer = TaskFixtures.officer("officer", UUID.randomUUID());
        CampaignDispatch.Started started = dispatch.start(officer, new CampaignRequest("Picked", null, TaskType.PUBLICITY,
                TaskPriority.NORMAL, TaskFixtures.inDays(3), village.code(), RegionLevel.GRID, false,
                List.of(grids.get(0).code(), grids.get(1).code())));
        assertThat(started.tasks()).isEqualTo(2);
        String elsewhere = grid.descendants(TaskFixtures.village(grid, 6).code(), RegionLevel.GRID).get(0).code();
        mvc.perform(post("/api/task/campaigns").with(as(officer)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Bad","type":"PATROL","deadline":"%s","scopeCode":"%s","level":"GRID",
                                 "wholeSubtree":false,"nodes":["%s"]}""".formatted(TaskFixtures.inDays(3), village.code(), elsewhere)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("nodes"));
        mvc.perform(post("/api/task/campaigns").with(as(officer)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"No deadline","type":"PATROL","scopeCode":"%s","level":"GRID","wholeSubtree":true}"""
                                .formatted(village.code())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("deadline"));
        assertThat(jdbc.sql("SELECT count(*) FROM task_campaign WHERE name IN ('Bad', 'No deadline')").query(Long.class).single())
                .isZero();
    }

    @Test
    void aCampaignToAllMicroGridsOfTheTownIsDispatchedInOneGo() {
        CurrentUser officer = TaskFixtures.officer("officer", UUID.randomUUID());
        long started = System.nanoTime();
        CampaignDispatch.Started result = dispatch.start(officer, new CampaignRequest("Whole town", null, TaskType.PATROL,
                TaskPriority.NORMAL, TaskFixtures.inDays(7), TaskFixtures.TOWN, RegionLevel.MICRO_GRID, true, null));
        long ms = (System.nanoTime() - started) / 1_000_000;
        log.info("Campaign to {} micro-grids dispatched in {} ms", result.tasks(), ms);
        assertThat(result.tasks()).isEqualTo(852);
        assertThat(jdbc.sql("SELECT count(*) FROM task WHERE campaign_id = :id").param("id", result.campaign().id())
                .query(Long.class).single()).isEqualTo(852);
        assertThat(jdbc.sql("SELECT count(DISTINCT number) FROM task WHERE campaign_id = :id").param("id", result.campaign().id())
                .query(Long.class).single()).isEqualTo(852);
        // one outbox row per listener for the whole batch (points and notifications), not one per task:
        // publications of this run are those at or after the dispatch began
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM event_publication WHERE event_type LIKE '%TasksDispatched'
                           AND serialized_event LIKE '%' || :campaignTask || '%'""")
                .param("campaignTask", firstTaskOf(result)).query(Long.class).single()).isEqualTo(2);
        // and the points module still starts the clock of every one of the 852 tasks from it
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM points_task_clock c JOIN task t ON t.id = c.task_id WHERE t.campaign_id = :id""")
                .param("id", result.campaign().id()).query(Long.class).single() == 852);
    }

    private String firstTaskOf(CampaignDispatch.Started result) {
        return jdbc.sql("SELECT id::text FROM task WHERE campaign_id = :id ORDER BY number LIMIT 1")
                .param("id", result.campaign().id()).query(String.class).single();
    }

    /** Users of other roles for the checks above. */
    static final class AsUserFixtures {
        static CurrentUser cadre(String village) {
            return org.linyunzhi.testsupport.AsUser.user("cadre-" + UUID.randomUUID(),
                    org.linyunzhi.identity.DataScope.region(village), "task:view", "task:dispatch", "task:review");
        }
    }
}

package org.linyunzhi.points.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.points.PointsApi;
import org.linyunzhi.task.TaskEvents.TaskApproved;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Leaderboards and rules as people see them: ordered by points, limited to the viewer's data scope,
 * and a rules edit with bad input refused with the reason beside the field and nothing saved.
 */
@IntegrationTest
@AutoConfigureMockMvc
class PointsPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    GridApi grid;

    @Autowired
    PointsApi points;

    @Autowired
    PointsRules rules;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    final CurrentUser editor = AsUser.user("rules-editor", DataScope.all(), "points:view", "points:rules:edit");

    /** Earns points for a person on a task in a region, and waits until the ledger has them. */
    void earn(UUID staff, TaskType type, TaskPriority priority, String region) {
        long before = points.balance(staff);
        int amount = points.approvalPoints(type, priority);
        tx.executeWithoutResult(s -> events.publishEvent(new TaskApproved(UUID.randomUUID(), "RW-L", "Leaderboard task",
                type, priority, region, staff, null, null, Instant.now(), Instant.now(), Set.of())));
        await().atMost(TaskPointsTest.WAIT).until(() -> points.balance(staff) == before + amount);
    }

    long childTotal(String json, String code) {
        List<Integer> totals = JsonPath.read(json, "$.children[?(@.code == '" + code + "')].points");
        return totals.isEmpty() ? 0 : totals.get(0);
    }

    @Test
    void theVillageBoardRanksItsPeopleAndTotalsItsGridsWithinTheViewersScope() throws Exception {
        List<RegionNode> villages = grid.children(grid.children(null).get(0).code());
        RegionNode village = villages.get(villages.size() - 1);
        RegionNode other = villages.get(villages.size() - 2);
        List<RegionNode> grids = grid.children(village.code());
        String gridA = grids.get(0).code();
        String gridB = grids.get(1).code();
        CurrentUser cadre = AsUser.user("cadre-points", DataScope.region(village.code()), "points:view");
        CurrentUser leader = AsUser.user("leader-points", DataScope.all(), "points:view");

        String before = mvc.perform(get("/api/points/leaderboard").param("area", village.code()).with(as(cadre)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        // enough points to rank high among the village's demo people, who start with their history's points
        earn(first, TaskType.RECTIFICATION, TaskPriority.URGENT, gridA + "0001");   // 10
        for (int i = 0; i < 5; i++) {
            earn(first, TaskType.RECTIFICATION, TaskPriority.URGENT, gridA);        // 5 × 10
            earn(second, TaskType.RECTIFICATION, TaskPriority.URGENT, gridB);       // 5 × 10
            earn(elsewhere, TaskType.RECTIFICATION, TaskPriority.URGENT, other.code() + "001"); // 5 × 10, another village
        }
        earn(first, TaskType.PATROL, TaskPriority.NORMAL, gridA);                   // 2: 62 in all
        for (int i = 0; i < 4; i++) {
            earn(third, TaskType.RECTIFICATION, TaskPriority.URGENT, gridA);        // 4 × 10
        }
        earn(third, TaskType.PATROL, TaskPriority.NORMAL, gridA);                   // 2: 42 in all

        String after = mvc.perform(get("/api/points/leaderboard").with(as(cadre)).param("limit", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.area").value(village.code())) // the cadre's own village by default
                .andExpect(jsonPath("$.level").value("VILLAGE"))
                .andReturn().getResponse().getContentAsString();

        List<String> holders = JsonPath.read(after, "$.people[*].holder");
        List<String> mine = holders.stream()
                .filter(h -> Set.of(first.toString(), second.toString(), third.toString(), elsewhere.toString()).contains(h))
                .toList();
        assertThat(mine).containsExactly(first.toString(), second.toString(), third.toString());
        List<Integer> ranks = JsonPath.read(after, "$.people[*].rank");
        assertThat(ranks).isSorted();
        assertThat(childTotal(after, gridA) - childTotal(before, gridA)).isEqualTo(104);
        assertThat(childTotal(after, gridB) - childTotal(before, gridB)).isEqualTo(50);

        // another village is outside the cadre's scope: it does not exist for them
        mvc.perform(get("/api/points/leaderboard").param("area", other.code()).with(as(cadre)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/points/people/{h}", elsewhere).with(as(cadre))).andExpect(status().isNotFound());
        mvc.perform(get("/points/leaderboard").param("area", other.code()).with(as(cadre))).andExpect(status().isNotFound());

        // the town's board sees both villages
        String town = mvc.perform(get("/api/points/leaderboard").param("limit", "100").with(as(leader)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.level").value("TOWN"))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(town, "$.children[*].code")).contains(village.code(), other.code());
        assertThat(JsonPath.<List<String>>read(town, "$.people[*].holder")).contains(elsewhere.toString());

        // the page: the grid totals for the chart, the people in rank order
        String page = mvc.perform(get("/points/leaderboard").with(as(cadre)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("各网格积分", village.name(), "data-chart=", grids.get(0).name(), "/js/points-leaderboard.js",
                "/points/people/" + first);
        assertThat(page.indexOf("/points/people/" + first)).isLessThan(page.indexOf("/points/people/" + second));
        assertThat(page.indexOf("/points/people/" + second)).isLessThan(page.indexOf("/points/people/" + third));
        assertThat(page).doesNotContain("/points/people/" + elsewhere);

        // the home dashboard: this month's top five of the cadre's village
        String home = mvc.perform(get("/").with(as(cadre))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("data-testid=\"points-home\"", village.name() + "本月积分", "/points/people/" + first);

        // a person's history
        mvc.perform(get("/api/points/people/{h}", first).with(as(cadre)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(62))
                .andExpect(jsonPath("$.entries.length()").value(7))
                .andExpect(jsonPath("$.entries[0].rule").value("任务审核通过（巡查排查·普通）"));
    }

    @Test
    void rosterMembersAreShownByName() throws Exception {
        Map<String, Object> member = jdbc.sql("SELECT id, name FROM grid_staff_member ORDER BY person_key DESC LIMIT 1")
                .query().singleRow();
        UUID staff = (UUID) member.get("id");
        earn(staff, TaskType.PUBLICITY, TaskPriority.NORMAL, "330109107201001");

        mvc.perform(get("/points/people/{h}", staff).with(as(AsUser.user("leader-names", DataScope.all(), "points:view"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString((String) member.get("name"))))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("任务审核通过（宣传·普通）")));
    }

    @Test
    void badLeaderboardParametersAreNamed() throws Exception {
        CurrentUser leader = AsUser.user("leader-bad", DataScope.all(), "points:view");
        mvc.perform(get("/api/points/leaderboard").param("area", "33010910x").with(as(leader)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("area"));
        mvc.perform(get("/api/points/leaderboard").param("period", "DECADE").with(as(leader)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("period"));
        mvc.perform(get("/api/points/leaderboard").param("limit", "0").with(as(leader)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("limit"));
        mvc.perform(get("/points/leaderboard").param("period", "DECADE").with(as(leader)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("统计期间“DECADE”无效")));
        mvc.perform(get("/points/leaderboard").with(as(AsUser.user("nobody", DataScope.all()))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBadRulesEditIsRefusedBesideTheFieldAndSavesNothing() throws Exception {
        RuleBook before = rules.current();

        String page = mvc.perform(post("/points/rules").with(as(editor)).with(csrf())
                        .param("version", String.valueOf(before.version()))
                        .param("approval.PATROL.NORMAL", "abc")
                        .param("approval.RECTIFICATION.URGENT", "12")
                        .param("approval.PATROL.URGENT", "1001")
                        .param("earlyMinPercent", "150"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("“abc”不是整数", "请输入 1 到 99 之间的整数", "请输入 0 到 1000 之间的整数",
                "value=\"abc\"", "value=\"150\"", "有 3 处填写有误");
        assertThat(rules.current()).isEqualTo(before); // not even the good field was saved

        mvc.perform(put("/api/points/rules").with(as(editor)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approval\": {\"PATROL\": {\"NORMAL\": -1}}, \"earlyBonusPoints\": 2.5}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "approval.PATROL.NORMAL", "earlyBonusPoints")));
        mvc.perform(put("/api/points/rules").with(as(editor)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approval\": [1, 2]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("approval"));
        mvc.perform(put("/api/points/rules").with(as(editor)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + (before.version() + 7) + ", \"overdueDeduction\": 3}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/points/rules").with(as(AsUser.user("viewer", DataScope.all(), "points:view"))).with(csrf())
                        .param("overdueDeduction", "9"))
                .andExpect(status().isForbidden());
        assertThat(rules.current()).isEqualTo(before);
    }

    @Test
    void aGoodRulesEditAppliesToTheNextApproval() throws Exception {
        RuleBook before = rules.current();
        try {
            mvc.perform(post("/points/rules").with(as(editor)).with(csrf())
                            .params(org.springframework.util.CollectionUtils.toMultiValueMap(
                                    PointsPages.fields(before).entrySet().stream().collect(java.util.stream.Collectors.toMap(
                                            Map.Entry::getKey, e -> List.of(e.getKey().equals("approval.VERIFICATION.LOW")
                                                    ? "7" : e.getValue())))))
                            .param("version", String.valueOf(before.version())))
                    .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/points/rules"));
            assertThat(points.approvalPoints(TaskType.VERIFICATION, TaskPriority.LOW)).isEqualTo(7);

            UUID staff = UUID.randomUUID();
            earn(staff, TaskType.VERIFICATION, TaskPriority.LOW, "330109107201001");
            assertThat(points.balance(staff)).isEqualTo(7);

            mvc.perform(get("/api/points/rules").with(as(editor)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.approval.VERIFICATION.LOW").value(7))
                    .andExpect(jsonPath("$.updatedBy").value("rules-editor"));
        } finally {
            mvc.perform(put("/api/points/rules").with(as(editor)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"approval\": {\"VERIFICATION\": {\"LOW\": "
                            + before.approvalPoints(TaskType.VERIFICATION, TaskPriority.LOW) + "}}}"))
                    .andExpect(status().isOk());
        }
    }
}

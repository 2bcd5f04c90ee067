package org.linyunzhi.task.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.identity.UserDirectory;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo town's task history: the seed's campaign as the seed shows it, every state present, demo workers linked. */
@IntegrationTest
class DemoTasksTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    GridApi grid;

    @Test
    void theSeedCampaignGoesToEveryGridIssuedByDaiHongfang() {
        Map<String, Object> seed = jdbc.sql("SELECT id, issuer_name, task_count FROM task_campaign WHERE name = :n")
                .param("n", DemoTaskTexts.SEED_CAMPAIGN).query().singleRow();
        assertThat(seed.get("issuer_name")).isEqualTo("戴红芳");
        long grids = grid.descendants("330109107", org.linyunzhi.grid.RegionLevel.GRID).size();
        assertThat(grids).isEqualTo(90);
        assertThat(jdbc.sql("SELECT count(DISTINCT region_code) FROM task WHERE campaign_id = :id AND name = '智慧网格'")
                .param("id", seed.get("id")).query(Long.class).single()).isEqualTo(grids);
    }

    @Test
    void theHistoryHoldsEveryStateMostlyClosedWithOverdueAndReturnedWork() {
        Map<String, Long> byState = new java.util.HashMap<>();
        jdbc.sql("SELECT state, count(*) FROM task GROUP BY state").query((java.sql.ResultSet rs) -> {
            byState.put(rs.getString(1), rs.getLong(2));
        });
        long total = byState.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isGreaterThan(2500);
        assertThat(byState.get("APPROVED")).isGreaterThan(total / 2);
        for (String state : List.of("DISPATCHED", "ACCEPTED", "IN_PROGRESS", "SUBMITTED", "RETURNED", "CANCELLED")) {
            assertThat(byState).containsKey(state);
        }
        assertThat(jdbc.sql("""
                SELECT count(*) FROM task WHERE state IN ('DISPATCHED','ACCEPTED','IN_PROGRESS','SUBMITTED','RETURNED')
                   AND deadline < now() AND overdue""").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM task_timeline WHERE action = 'RETURN'").query(Long.class).single()).isPositive();
        // the history follows the transition table: no approval without a submission before it
        assertThat(jdbc.sql("""
                SELECT count(*) FROM task t WHERE t.state = 'APPROVED'
                   AND NOT EXISTS (SELECT 1 FROM task_timeline e WHERE e.task_id = t.id AND e.action = 'SUBMIT')""")
                .query(Long.class).single()).isZero();
    }

    /**
     * The town starts with its points: every approved demo task with a responsible person earned its
     * approval points when it was approved, every overdue mark cost its deduction then.
     */
    @Test
    void theHistorysPointsAreInTheLedgerAsEarnedThen() {
        long approved = jdbc.sql("""
                SELECT count(*) FROM task t WHERE t.state = 'APPROVED' AND t.assignee_staff_id IS NOT NULL
                   AND t.created_at < now() - interval '30 minutes'""").query(Long.class).single();
        assertThat(approved).isPositive();
        long earned = jdbc.sql("""
                SELECT count(DISTINCT e.source_id) FROM points_entry e JOIN task t ON t.id = e.source_id
                 WHERE e.source_event = 'TaskApproved' AND e.points > 0 AND t.created_at < now() - interval '30 minutes'
                   AND e.earned_at = t.closed_at""").query(Long.class).single();
        assertThat(earned).isGreaterThanOrEqualTo(approved * 9 / 10);
        long deducted = jdbc.sql("""
                SELECT count(*) FROM points_entry e JOIN task t ON t.id = e.source_id
                 WHERE e.source_event = 'TaskOverdue' AND e.points < 0 AND t.created_at < now() - interval '30 minutes'""")
                .query(Long.class).single();
        assertThat(deducted).isPositive();
    }

    @Test
    void demoWorkersAreLinkedToRosterPeopleAndHaveOpenTasks() {
        for (String username : List.of("gridworker", "microhead", "micromember")) {
            var user = users.byUsername(username).orElseThrow();
            List<java.util.UUID> staff = grid.staffLinkedTo(user.id());
            assertThat(staff).as(username).hasSize(1);
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM task WHERE assignee_staff_id = :s
                       AND state IN ('DISPATCHED','ACCEPTED','IN_PROGRESS','RETURNED')""")
                    .param("s", staff.get(0)).query(Long.class).single()).as(username).isGreaterThanOrEqualTo(2);
        }
    }
}

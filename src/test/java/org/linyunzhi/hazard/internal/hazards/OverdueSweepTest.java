package org.linyunzhi.hazard.internal.hazards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The overdue sweep on the real database: a hazard past its deadline is marked once and told once,
 * however often the sweep runs (the scheduled one may run beside the test's), then escalated one
 * level up once it has been overdue longer than the delay; a closed one is left alone.
 */
@IntegrationTest
class OverdueSweepTest {

    @Autowired
    OverdueSweep sweep;
    @Autowired
    HazardIntake intake;
    @Autowired
    GridApi grid;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aHazardPastItsDeadlineIsMarkedAndToldOnceThenEscalatedOnce() {
        double[] at = HazardFixtures.pointIn(grid, HazardFixtures.village(grid, 5).code());
        Instant found = Instant.now().minus(20, ChronoUnit.DAYS);
        UUID id = intake.report(new HazardReport("电动车入户充电", null, "PS-06-001", null, "INSPECTION", null, null,
                null, null, null, at[0], at[1], List.of(), found), null).id();
        UUID closed = intake.report(new HazardReport("电动车入户充电", null, "PS-06-001", null, "INSPECTION", null,
                null, null, null, null, at[0], at[1], List.of(), found), null).id();
        intake.rectifyInThePast(closed, found.plusSeconds(600), found.plusSeconds(3600), found.plusSeconds(7200));

        sweep.sweep();
        sweep.sweep();

        assertThat(jdbc.sql("SELECT overdue FROM hazard_hazard WHERE id = :id").param("id", id).query(Boolean.class)
                .single()).isTrue();
        assertThat(count("SELECT count(*) FROM hazard_timeline WHERE hazard_id = CAST(:id AS uuid) AND action = 'OVERDUE'", id))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(count("""
                SELECT count(*) FROM event_publication WHERE event_type LIKE '%HazardOverdue'
                   AND serialized_event LIKE '%' || :id || '%'""", id)).isEqualTo(1));
        assertThat(jdbc.sql("SELECT overdue FROM hazard_hazard WHERE id = :id").param("id", closed)
                .query(Boolean.class).single()).isFalse();

        // overdue for longer than the escalation delay (three days by default)
        jdbc.sql("UPDATE hazard_hazard SET overdue_at = now() - interval '4 days' WHERE id = :id").param("id", id).update();
        sweep.sweep();
        sweep.sweep();
        assertThat(jdbc.sql("SELECT escalated_to FROM hazard_hazard WHERE id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM hazard_timeline WHERE hazard_id = CAST(:id AS uuid) AND action = 'ESCALATE'", id))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(count("""
                SELECT count(*) FROM event_publication WHERE event_type LIKE '%HazardEscalated'
                   AND serialized_event LIKE '%' || :id || '%'""", id)).isEqualTo(1));
    }

    @Test
    void theSweepIsScheduledInTheModulesOwnTable() {
        assertThat(jdbc.sql("SELECT count(*) FROM hazard_scheduled_tasks WHERE task_name = :name")
                .param("name", SweepScheduler.TASK).query(Integer.class).single()).isEqualTo(1);
    }

    int count(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id.toString()).query(Integer.class).single();
    }
}

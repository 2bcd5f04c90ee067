package org.linyunzhi.hazard.internal.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo year reproduces the seed's figures from its own records, counted the way the figures
 * panel counts them: 28 campaigns, 2,451 points inspected, 360 hazards found, 252 rectified (70 %).
 * The demo's campaigns are those nobody created by hand (other tests add their own).
 */
@IntegrationTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class DemoInspectionHistoryTest {

    private static final String DEMO = "SELECT id FROM hazard_campaign WHERE created_by IS NULL";

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSeedsFiguresComeFromTheRecords() {
        assertThat(count("SELECT count(*) FROM (" + DEMO + ") c")).isEqualTo(28);
        assertThat(count("SELECT count(*) FROM hazard_inspection_point WHERE inspected_at IS NOT NULL AND campaign_id IN (" + DEMO + ")"))
                .isEqualTo(2_451);
        assertThat(count("SELECT count(*) FROM hazard_hazard WHERE campaign_id IN (" + DEMO + ")")).isEqualTo(360);
        assertThat(count("SELECT count(*) FROM hazard_hazard WHERE status = 'CLOSED' AND campaign_id IN (" + DEMO + ")"))
                .isEqualTo(252);
        // every inspected point has its visit and a finding per checklist item; every hazard hangs on a failed finding
        assertThat(count("""
                SELECT count(*) FROM hazard_inspection_point p WHERE p.inspected_at IS NOT NULL AND p.campaign_id IN (%s)
                   AND NOT EXISTS (SELECT 1 FROM hazard_inspection_visit_point v WHERE v.point_id = p.id)""".formatted(DEMO)))
                .isZero();
        assertThat(count("""
                SELECT count(*) FROM hazard_hazard h WHERE h.campaign_id IN (%s) AND NOT EXISTS (
                  SELECT 1 FROM hazard_inspection_finding f WHERE f.hazard_id = h.id AND NOT f.passed)""".formatted(DEMO)))
                .isZero();
        // spread over 2026, closed in the past, each closure after its finding
        assertThat(count("""
                SELECT count(DISTINCT date_trunc('month', inspected_at AT TIME ZONE 'Asia/Shanghai'))
                  FROM hazard_inspection WHERE id IN (SELECT inspection_id FROM hazard_inspection_finding
                                                      WHERE campaign_id IN (%s))""".formatted(DEMO))).isGreaterThanOrEqualTo(10);
        assertThat(jdbc.sql("SELECT max(closed_at) FROM hazard_hazard WHERE campaign_id IN (" + DEMO + ")")
                .query(java.sql.Timestamp.class).single().toInstant()).isBefore(Instant.now());
        assertThat(count("SELECT count(*) FROM hazard_hazard WHERE closed_at < found_at AND campaign_id IN (" + DEMO + ")"))
                .isZero();
    }

    /**
     * The demo's year is history: its hazards were announced back then, so a start-up leaves no event
     * about them in the outbox and no notice in anybody's inbox; the open ones past their deadline were
     * marked overdue at the deadline, not by today's sweep.
     */
    @Test
    void theDemoHistoryTellsNobodyToday() {
        assertThat(count("""
                SELECT count(*) FROM notification_inbox n JOIN hazard_hazard h ON h.id = n.subject_id
                 WHERE h.campaign_id IN (%s)""".formatted(DEMO))).isZero();
        assertThat(count("""
                SELECT count(*) FROM hazard_hazard h WHERE h.campaign_id IN (%s) AND EXISTS (
                  SELECT 1 FROM event_publication e WHERE e.event_type LIKE '%%.HazardEvents$%%'
                     AND e.serialized_event LIKE '%%' || h.id::text || '%%')""".formatted(DEMO))).isZero();
        int pastDeadline = count("SELECT count(*) FROM hazard_hazard WHERE status <> 'CLOSED' AND deadline < now()"
                + " AND campaign_id IN (" + DEMO + ")");
        assertThat(pastDeadline).isPositive();
        assertThat(count("SELECT count(*) FROM hazard_hazard WHERE status <> 'CLOSED' AND deadline < now()"
                + " AND overdue AND overdue_at = deadline AND campaign_id IN (" + DEMO + ")")).isEqualTo(pastDeadline);
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}

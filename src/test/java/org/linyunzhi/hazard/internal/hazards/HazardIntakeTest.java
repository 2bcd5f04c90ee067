package org.linyunzhi.hazard.internal.hazards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The seam inspection files through: routing, category default level and deadline, number, timeline. */
@IntegrationTest
class HazardIntakeTest {

    @Autowired
    HazardIntake intake;
    @Autowired
    GridApi grid;
    @Autowired
    JdbcClient jdbc;

    @Test
    void reportRoutesTheHazardAndTakesLevelAndDeadlineFromTheCategory() {
        double[] at = HazardFixtures.pointIn(grid, HazardFixtures.village(grid, 1).code());
        Instant found = Instant.parse("2026-06-01T02:00:00Z");
        ReportedHazard reported = intake.report(new HazardReport("楼道堆放电动自行车", "三楼楼道", "PS-06-002", null,
                "INSPECTION", null, null, null, null, "张三", at[0], at[1], List.of(), found), null);

        assertThat(reported.number()).matches("YH20260601-\\d{4}");
        var row = jdbc.sql("""
                        SELECT level, status, region_code, deadline, department, upstream_flag, catalogue_version
                        FROM hazard_hazard WHERE id = :id""")
                .param("id", reported.id()).query().singleRow();
        assertThat(row.get("level")).isEqualTo(1);
        assertThat(row.get("status")).isEqualTo("FOUND");
        assertThat((String) row.get("region_code")).startsWith(HazardFixtures.village(grid, 1).code());
        assertThat(row.get("department")).isEqualTo("应急管理办");
        assertThat(row.get("upstream_flag")).isEqualTo(false);
        // 2026-06-01 is a Monday: one working day later closes on Tuesday 17:30 town time
        assertThat(((java.sql.Timestamp) row.get("deadline")).toInstant()).isEqualTo(Instant.parse("2026-06-02T09:30:00Z"));
        assertThat(jdbc.sql("SELECT count(*) FROM hazard_timeline WHERE hazard_id = :id AND action = 'REPORT'")
                .param("id", reported.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aLevelFiveCategoryIsFlaggedForTheUpstreamPlatform() {
        double[] at = HazardFixtures.pointIn(grid, HazardFixtures.village(grid, 1).code());
        ReportedHazard reported = intake.report(new HazardReport("疑似非洲猪瘟", null, "PS-12-003", null,
                "INSPECTION", null, null, null, null, null, at[0], at[1], null, null), null);
        assertThat(jdbc.sql("SELECT upstream_flag FROM hazard_hazard WHERE id = :id").param("id", reported.id())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void anUnknownCategoryIsRefusedNamingTheField() {
        double[] at = HazardFixtures.pointIn(grid, HazardFixtures.village(grid, 1).code());
        assertThatThrownBy(() -> intake.report(new HazardReport("x", null, "XX-99-999", null, "INSPECTION", null, null,
                null, null, null, at[0], at[1], null, null), null))
                .isInstanceOfSatisfying(HazardRefused.class, e -> assertThat(e.field()).isEqualTo("categoryCode"));
    }
}

package org.linyunzhi.points.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;

/** Validation of a rules edit: every wrong field is named, and only a clean edit yields new rules. */
class RuleChangeTest {

    private final RuleBook current = PointsPolicyTest.rules(1, 24, 25, 2);

    @Test
    void aCleanEditChangesWhatWasTypedAndKeepsTheRest() {
        RuleChange.Result result = RuleChange.apply(Map.of("approval.PATROL.URGENT", " 7 ", "overdueDeduction", "5"), current);

        assertThat(result.ok()).isTrue();
        assertThat(result.rules().approvalPoints(TaskType.PATROL, TaskPriority.URGENT)).isEqualTo(7);
        assertThat(result.rules().approvalPoints(TaskType.RECTIFICATION, TaskPriority.URGENT)).isEqualTo(10);
        assertThat(result.rules().overdueDeduction()).isEqualTo(5);
        assertThat(result.rules().early()).isEqualTo(current.early());
    }

    @Test
    void everyWrongFieldIsNamedWithItsReason() {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("approval.PATROL.NORMAL", "abc");
        typed.put("approval.RECTIFICATION.URGENT", "1001");
        typed.put("earlyMinPercent", "100");
        typed.put("overdueDeduction", "");
        typed.put("approval.PATROL.SOMEDAY", "1");

        RuleChange.Result result = RuleChange.apply(typed, current);

        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(RuleChange.Problem::field, RuleChange.Problem::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("approval.PATROL.NORMAL", "points.rules.error.notInteger"),
                        org.assertj.core.groups.Tuple.tuple("approval.RECTIFICATION.URGENT", "points.rules.error.range"),
                        org.assertj.core.groups.Tuple.tuple("earlyMinPercent", "points.rules.error.range"),
                        org.assertj.core.groups.Tuple.tuple("overdueDeduction", "points.rules.error.required"),
                        org.assertj.core.groups.Tuple.tuple("approval.PATROL.SOMEDAY", "points.rules.error.unknownField"));
    }

    @Test
    void aBonusNobodyCanEarnIsRefused() {
        RuleChange.Result result = RuleChange.apply(Map.of("earlyMinHours", "", "earlyMinPercent", " "), current);

        assertThat(result.problems()).extracting(RuleChange.Problem::field, RuleChange.Problem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("earlyMinHours", "points.rules.error.noThreshold"));
        // with the bonus at 0, turning both tests off is fine
        assertThat(RuleChange.apply(Map.of("earlyBonusPoints", "0", "earlyMinHours", "", "earlyMinPercent", ""), current).ok())
                .isTrue();
    }

    @Test
    void fractionsAndNegativesAreRefused() {
        assertThat(RuleChange.apply(Map.of("approval.PATROL.NORMAL", "2.5"), current).problems())
                .extracting(RuleChange.Problem::messageKey).containsExactly("points.rules.error.notInteger");
        assertThat(RuleChange.apply(Map.of("earlyBonusPoints", "-1"), current).problems())
                .extracting(RuleChange.Problem::messageKey).containsExactly("points.rules.error.range");
    }
}

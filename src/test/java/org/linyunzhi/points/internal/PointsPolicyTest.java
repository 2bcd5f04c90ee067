package org.linyunzhi.points.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.task.TaskEvents.TaskApproved;
import org.linyunzhi.task.TaskEvents.TaskOverdue;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;

/** The rules alone: what an approval, an early submission and an overdue task are worth. */
class PointsPolicyTest {

    static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
    static final UUID STAFF = UUID.randomUUID();

    static RuleBook rules(int bonus, Integer hours, Integer percent, int overdue) {
        Map<TaskType, Map<TaskPriority, Integer>> table = new EnumMap<>(TaskType.class);
        table.put(TaskType.PATROL, Map.of(TaskPriority.NORMAL, 2, TaskPriority.URGENT, 4));
        table.put(TaskType.RECTIFICATION, Map.of(TaskPriority.URGENT, 10));
        return new RuleBook(table, new RuleBook.EarlyBonus(bonus, hours, percent), overdue, 0);
    }

    static TaskApproved approved(TaskType type, TaskPriority priority, Instant deadline, Instant submitted) {
        return new TaskApproved(UUID.randomUUID(), "RW20261204-0001", "Clear the river bank", type, priority,
                "330109107201003", STAFF, null, deadline, submitted, NOW, Set.of());
    }

    @Test
    void approvalEarnsTheTablesAmountForTypeAndPriority() {
        List<Award> awards = PointsPolicy.forApproval(approved(TaskType.RECTIFICATION, TaskPriority.URGENT,
                NOW.plus(Duration.ofHours(1)), NOW), rules(1, 24, null, 2), null);

        assertThat(awards).singleElement().satisfies(a -> {
            assertThat(a.points()).isEqualTo(10);
            assertThat(a.ruleCode()).isEqualTo("APPROVAL:RECTIFICATION:URGENT");
            assertThat(a.staffId()).isEqualTo(STAFF);
            assertThat(a.reason()).isEqualTo("RW20261204-0001 Clear the river bank");
            assertThat(a.earnedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void aTypeMissingFromTheTableEarnsNothing() {
        assertThat(PointsPolicy.forApproval(approved(TaskType.PUBLICITY, TaskPriority.LOW, null, NOW),
                rules(1, 24, null, 2), null)).isEmpty();
    }

    @Test
    void submittingEnoughHoursEarlyAddsTheBonus() {
        List<Award> awards = PointsPolicy.forApproval(approved(TaskType.PATROL, TaskPriority.NORMAL,
                NOW.plus(Duration.ofHours(30)), NOW), rules(3, 24, null, 2), null);

        assertThat(awards).extracting(Award::ruleCode, Award::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("APPROVAL:PATROL:NORMAL", 2),
                        org.assertj.core.groups.Tuple.tuple("EARLY_BONUS", 3));
    }

    @Test
    void justUnderTheHoursEarnsNoBonus() {
        assertThat(PointsPolicy.forApproval(approved(TaskType.PATROL, TaskPriority.NORMAL,
                NOW.plus(Duration.ofHours(24)).minusSeconds(1), NOW), rules(3, 24, null, 2), null))
                .extracting(Award::ruleCode).containsExactly("APPROVAL:PATROL:NORMAL");
    }

    @Test
    void aShortTaskEarnsTheBonusByTheShareOfItsWindowLeft() {
        Instant dispatched = NOW.minus(Duration.ofHours(3));
        Instant deadline = NOW.plus(Duration.ofHours(1)); // 1 h of 4 h left = 25 %
        RuleBook byShare = rules(1, 24, 25, 2);

        assertThat(PointsPolicy.forApproval(approved(TaskType.PATROL, TaskPriority.NORMAL, deadline, NOW), byShare, dispatched))
                .extracting(Award::ruleCode).contains("EARLY_BONUS");
        assertThat(PointsPolicy.forApproval(approved(TaskType.PATROL, TaskPriority.NORMAL, deadline, NOW.plusSeconds(60)),
                byShare, dispatched)).extracting(Award::ruleCode).doesNotContain("EARLY_BONUS");
        // without the dispatch time the share cannot be judged
        assertThat(PointsPolicy.forApproval(approved(TaskType.PATROL, TaskPriority.NORMAL, deadline, NOW), byShare, null))
                .extracting(Award::ruleCode).doesNotContain("EARLY_BONUS");
    }

    @Test
    void aLateSubmissionOrAnOpenDeadlineEarnsNoBonus() {
        RuleBook generous = rules(5, 1, 1, 2);
        assertThat(PointsPolicy.forApproval(approved(TaskType.PATROL, TaskPriority.NORMAL, NOW.minusSeconds(1), NOW),
                generous, NOW.minus(Duration.ofDays(1)))).extracting(Award::ruleCode).doesNotContain("EARLY_BONUS");
        assertThat(PointsPolicy.forApproval(approved(TaskType.PATROL, TaskPriority.NORMAL, null, NOW), generous, null))
                .extracting(Award::ruleCode).doesNotContain("EARLY_BONUS");
    }

    @Test
    void overdueTakesTheDeductionOncePerDeadline() {
        UUID task = UUID.randomUUID();
        Instant deadline = NOW.minusSeconds(60);
        TaskOverdue overdue = new TaskOverdue(task, "RW1", "Patrol", TaskType.PATROL, TaskPriority.NORMAL,
                "330109107201", STAFF, null, deadline, Set.of(), NOW);

        Award award = PointsPolicy.forOverdue(overdue, rules(1, 24, null, 2)).orElseThrow();
        Award again = PointsPolicy.forOverdue(overdue, rules(1, 24, null, 2)).orElseThrow();
        Award moved = PointsPolicy.forOverdue(new TaskOverdue(task, "RW1", "Patrol", TaskType.PATROL,
                TaskPriority.NORMAL, "330109107201", STAFF, null, deadline.plusSeconds(86_400), Set.of(), NOW),
                rules(1, 24, null, 2)).orElseThrow();

        assertThat(award.points()).isEqualTo(-2);
        // the unique key of the ledger: equal for a redelivery, different for a new deadline
        assertThat(List.of(again.sourceEvent(), again.sourceId(), again.occurrence(), again.ruleCode()))
                .isEqualTo(List.of(award.sourceEvent(), award.sourceId(), award.occurrence(), award.ruleCode()));
        assertThat(moved.occurrence()).isNotEqualTo(award.occurrence());
        assertThat(PointsPolicy.forOverdue(overdue, rules(1, 24, null, 0))).isEmpty();
    }

    @Test
    void nobodyResponsibleEarnsNothing() {
        TaskApproved unassigned = new TaskApproved(UUID.randomUUID(), "RW2", "x", TaskType.PATROL, TaskPriority.NORMAL,
                "330109107201", null, null, null, NOW, NOW, Set.of());
        assertThat(PointsPolicy.forApproval(unassigned, rules(1, 24, null, 2), null)).isEmpty();
    }
}

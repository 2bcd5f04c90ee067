package org.linyunzhi.points.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linyunzhi.task.TaskEvents.TaskApproved;
import org.linyunzhi.task.TaskEvents.TaskOverdue;

/**
 * How task events become ledger entries under a {@link RuleBook}. Pure, so every rule can be tested
 * without a database; the listener only reads the rules, calls this and writes what it answers.
 */
final class PointsPolicy {

    static final String APPROVED = "TaskApproved";
    static final String OVERDUE = "TaskOverdue";
    static final String RULE_APPROVAL = "APPROVAL";
    static final String RULE_EARLY_BONUS = "EARLY_BONUS";
    static final String RULE_OVERDUE = "OVERDUE";

    private PointsPolicy() {
    }

    /**
     * The approval points of the task's type and priority, plus the early bonus when earned. A task
     * is approved once, so these carry no occurrence. Nothing when nobody is named responsible.
     */
    static List<Award> forApproval(TaskApproved e, RuleBook rules, Instant dispatchedAt) {
        List<Award> awards = new ArrayList<>();
        if (e.assigneeStaffId() == null && e.assigneeUserId() == null) {
            return awards;
        }
        int base = rules.approvalPoints(e.type(), e.priority());
        if (base != 0) {
            awards.add(award(e, base, RULE_APPROVAL + ":" + e.type() + ":" + e.priority()));
        }
        if (rules.early().earnedBy(e.submittedAt(), e.deadline(), dispatchedAt)) {
            awards.add(award(e, rules.early().points(), RULE_EARLY_BONUS));
        }
        return awards;
    }

    /**
     * The deduction for a task that passed its deadline. The deadline is the occurrence: the same
     * deadline missed and reported twice costs once; a moved deadline missed again costs again.
     */
    static Optional<Award> forOverdue(TaskOverdue e, RuleBook rules) {
        if (rules.overdueDeduction() == 0 || (e.assigneeStaffId() == null && e.assigneeUserId() == null)) {
            return Optional.empty();
        }
        String occurrence = e.deadline() == null ? "" : e.deadline().toString();
        return Optional.of(new Award(e.assigneeStaffId(), e.assigneeUserId(), e.regionCode(),
                -rules.overdueDeduction(), RULE_OVERDUE, reason(e.number(), e.name()), OVERDUE, e.taskId(),
                e.number(), occurrence, e.at()));
    }

    private static Award award(TaskApproved e, int points, String rule) {
        return new Award(e.assigneeStaffId(), e.assigneeUserId(), e.regionCode(), points, rule,
                reason(e.number(), e.name()), APPROVED, e.taskId(), e.number(), "", e.approvedAt());
    }

    /** The task as people recognise it; the rule's own words are added when the entry is shown. */
    private static String reason(String number, String name) {
        String text = ((number == null ? "" : number) + " " + (name == null ? "" : name)).strip();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}

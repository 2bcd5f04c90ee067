package org.linyunzhi.points.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;

/**
 * The points rules in force, read as one piece so that one event is judged by one consistent set.
 *
 * @param approval         points for an approved task by type and priority
 * @param early            the bonus for finishing early
 * @param overdueDeduction points taken (as a positive number) when a task becomes overdue
 * @param version          bumped by every edit; an edit made against an older version is refused
 */
record RuleBook(Map<TaskType, Map<TaskPriority, Integer>> approval, EarlyBonus early, int overdueDeduction,
                int version) {

    RuleBook {
        EnumMap<TaskType, Map<TaskPriority, Integer>> copy = new EnumMap<>(TaskType.class);
        approval.forEach((type, row) -> copy.put(type, Map.copyOf(new EnumMap<>(row))));
        approval = Map.copyOf(copy);
    }

    /** A type or priority the table lacks (a type added to the task module later) earns nothing until set. */
    int approvalPoints(TaskType type, TaskPriority priority) {
        return approval.getOrDefault(type, Map.of()).getOrDefault(priority, 0);
    }

    /**
     * The bonus for a submission made early enough: at least {@code minHours} before the deadline,
     * or with at least {@code minPercent} of the dispatch-to-deadline window left. Either test may
     * be off (null); a short task can earn it by the share, a long one by the hours.
     */
    record EarlyBonus(int points, Integer minHours, Integer minPercent) {

        boolean earnedBy(Instant submittedAt, Instant deadline, Instant dispatchedAt) {
            if (points == 0 || submittedAt == null || deadline == null || !submittedAt.isBefore(deadline)) {
                return false;
            }
            Duration lead = Duration.between(submittedAt, deadline);
            if (minHours != null && lead.compareTo(Duration.ofHours(minHours)) >= 0) {
                return true;
            }
            if (minPercent != null && dispatchedAt != null && dispatchedAt.isBefore(deadline)) {
                Duration window = Duration.between(dispatchedAt, deadline);
                // lead / window >= minPercent / 100, in whole milliseconds to stay exact
                return lead.toMillis() * 100 >= window.toMillis() * minPercent;
            }
            return false;
        }
    }
}

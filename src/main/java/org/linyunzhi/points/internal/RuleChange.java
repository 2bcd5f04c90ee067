package org.linyunzhi.points.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;

/**
 * An edit of the rules as typed, field by field (the page's form and the API send the same
 * names), laid over the rules in force. Every wrong field is named at once, and an edit with any
 * wrong field changes nothing.
 */
final class RuleChange {

    static final String EARLY_BONUS = "earlyBonusPoints";
    static final String EARLY_HOURS = "earlyMinHours";
    static final String EARLY_PERCENT = "earlyMinPercent";
    static final String OVERDUE = "overdueDeduction";
    static final int MAX_POINTS = 1000;
    static final int MAX_HOURS = 8760;

    private RuleChange() {
    }

    /** A field that is wrong, with the message key and arguments that say why. */
    record Problem(String field, String messageKey, Object... args) {
    }

    /** The rules the edit would give, or the problems that stop it. */
    record Result(RuleBook rules, List<Problem> problems) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    static String approvalField(TaskType type, TaskPriority priority) {
        return "approval." + type.name() + "." + priority.name();
    }

    static Result apply(Map<String, String> typed, RuleBook current) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> rest = new LinkedHashMap<>(typed);

        Map<TaskType, Map<TaskPriority, Integer>> approval = new EnumMap<>(TaskType.class);
        for (TaskType type : TaskType.values()) {
            Map<TaskPriority, Integer> row = new EnumMap<>(TaskPriority.class);
            for (TaskPriority priority : TaskPriority.values()) {
                String field = approvalField(type, priority);
                Integer value = rest.containsKey(field)
                        ? number(field, rest.remove(field), 0, MAX_POINTS, false, problems)
                        : Integer.valueOf(current.approvalPoints(type, priority));
                row.put(priority, value == null ? 0 : value);
            }
            approval.put(type, row);
        }
        int bonus = valueOr(EARLY_BONUS, rest, 0, MAX_POINTS, current.early().points(), problems);
        Integer hours = rest.containsKey(EARLY_HOURS)
                ? number(EARLY_HOURS, rest.remove(EARLY_HOURS), 1, MAX_HOURS, true, problems)
                : current.early().minHours();
        Integer percent = rest.containsKey(EARLY_PERCENT)
                ? number(EARLY_PERCENT, rest.remove(EARLY_PERCENT), 1, 99, true, problems)
                : current.early().minPercent();
        int overdue = valueOr(OVERDUE, rest, 0, MAX_POINTS, current.overdueDeduction(), problems);
        boolean thresholdsValid = problems.stream()
                .noneMatch(p -> p.field().equals(EARLY_HOURS) || p.field().equals(EARLY_PERCENT));
        if (bonus > 0 && hours == null && percent == null && thresholdsValid) {
            // a bonus nobody can earn is almost certainly a mistake: say so rather than store it
            problems.add(new Problem(EARLY_HOURS, "points.rules.error.noThreshold"));
        }
        rest.keySet().forEach(unknown -> problems.add(new Problem(unknown, "points.rules.error.unknownField", unknown)));
        return new Result(new RuleBook(approval, new RuleBook.EarlyBonus(bonus, hours, percent), overdue,
                current.version()), problems);
    }

    private static int valueOr(String field, Map<String, String> rest, int min, int max, int current,
                               List<Problem> problems) {
        if (!rest.containsKey(field)) {
            return current;
        }
        Integer value = number(field, rest.remove(field), min, max, false, problems);
        return value == null ? current : value;
    }

    /** A whole number in range; blank means "off" where {@code optional}, and is a problem elsewhere. */
    private static Integer number(String field, String text, int min, int max, boolean optional,
                                  List<Problem> problems) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            if (!optional) {
                problems.add(new Problem(field, "points.rules.error.required"));
            }
            return null;
        }
        int value;
        try {
            value = Integer.parseInt(s);
        } catch (NumberFormatException notWhole) {
            problems.add(new Problem(field, "points.rules.error.notInteger", s));
            return null;
        }
        if (value < min || value > max) {
            // bounds as text: MessageFormat would print 1000 as "1,000"
            problems.add(new Problem(field, "points.rules.error.range", String.valueOf(min), String.valueOf(max)));
            return null;
        }
        return value;
    }
}

package org.linyunzhi.task.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.linyunzhi.task.TaskType;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a task list is narrowed to. Every field is optional; the same filter drives the page, the
 * API and the Excel export, so an export holds exactly the rows the person was looking at.
 *
 * @param node     a region code: the tasks of its subtree
 * @param assignee part of the assignee's name
 * @param overdue  true: open tasks past their deadline
 * @param from     created on or after this day (town time)
 * @param to       created on or before this day (town time)
 * @param q        part of the number, name or description
 * @param sort     a key of {@link TaskSearch#SORTABLE}, optionally followed by {@code ,asc} or {@code ,desc}
 */
record TaskFilter(TaskState state, TaskType type, TaskSource source, UUID campaign, String node, String assignee,
                  Boolean overdue, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String q, String sort) {

    static TaskFilter none() {
        return new TaskFilter(null, null, null, null, null, null, null, null, null, null, null);
    }

    TaskFilter withNode(String code) {
        return new TaskFilter(state, type, source, campaign, code, assignee, overdue, from, to, q, sort);
    }

    TaskFilter withState(TaskState s) {
        return new TaskFilter(s, type, source, campaign, node, assignee, overdue, from, to, q, sort);
    }

    TaskFilter withoutSort() {
        return withSort(null);
    }

    TaskFilter withSort(String key) {
        return new TaskFilter(state, type, source, campaign, node, assignee, overdue, from, to, q, key);
    }

    /** The filter as query parameters, for pager and export links that keep it. */
    Map<String, Object> asParams() {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        put(p, "state", state);
        put(p, "type", type);
        put(p, "source", source);
        put(p, "campaign", campaign);
        put(p, "node", node);
        put(p, "assignee", assignee);
        put(p, "overdue", overdue);
        put(p, "from", from);
        put(p, "to", to);
        put(p, "q", q);
        put(p, "sort", sort);
        return p;
    }

    private static void put(Map<String, Object> p, String key, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            p.put(key, value);
        }
    }
}

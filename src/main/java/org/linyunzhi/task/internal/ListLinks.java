package org.linyunzhi.task.internal;

import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of the task list that keep its filter: pages, column sorts and the export. Built once per
 * request so the template never assembles a query string itself.
 */
record ListLinks(Map<String, Object> filter, String sort) {

    static ListLinks of(TaskFilter f) {
        Map<String, Object> params = f.asParams();
        params.remove("sort");
        return new ListLinks(params, f.sort());
    }

    public String page(int page) {
        return build("/task/tasks", sort, page);
    }

    /** Sorts by a column: ascending first, descending when it already sorts ascending. */
    public String sortBy(String key) {
        return build("/task/tasks", (key + ",asc").equals(sort) ? key + ",desc" : key + ",asc", null);
    }

    /** ▲ or ▼ when the list sorts by this column. */
    public String mark(String key) {
        return (key + ",asc").equals(sort) ? "\u25B2" : (key + ",desc").equals(sort) ? "\u25BC" : "";
    }

    public String export() {
        return build("/task/tasks/export", sort, null);
    }

    private String build(String path, String sortKey, Integer page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        filter.forEach((k, v) -> uri.queryParam(k, v));
        if (sortKey != null && !sortKey.isBlank()) {
            uri.queryParam("sort", sortKey);
        }
        if (page != null && page > 0) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }
}

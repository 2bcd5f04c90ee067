package org.linyunzhi.hazard.internal.hazards;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hazard lists within a data scope: filters bound as parameters, sort keys from a whitelist, pages
 * of at most 100. The category's current name comes along for display.
 */
@Component
class HazardSearch {

    static final int MAX_PAGE = 100;
    /** The only orders a caller may ask for; anything else falls back to the newest first. */
    static final Map<String, String> SORTS = Map.of(
            "found", "h.found_at DESC, h.number DESC",
            "deadline", "h.deadline ASC NULLS LAST, h.number",
            "level", "h.level DESC, h.found_at DESC",
            "number", "h.number ASC");

    record Page(List<HazardView> items, int page, int size, long total) {
        public int pages() {
            return size == 0 ? 0 : (int) ((total + size - 1) / size);
        }
    }

    private final JdbcClient jdbc;

    HazardSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page search(HazardFilter filter, DataScope scope, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE));
        int pageNo = Math.max(0, page);
        DataScope.SqlPredicate in = scope.predicate("h.region_code");
        List<String> where = new ArrayList<>(List.of(in.sql()));
        Map<String, Object> params = new HashMap<>(in.params());
        HazardFilter f = filter == null ? HazardFilter.none() : filter;
        if (f.classCode() != null && !f.classCode().isBlank()) {
            where.add("h.class_code = :classCode");
            params.put("classCode", f.classCode());
        }
        if (f.categoryCode() != null && !f.categoryCode().isBlank()) {
            where.add("h.category_code = :categoryCode");
            params.put("categoryCode", f.categoryCode());
        }
        if (f.level() != null) {
            where.add("h.level = :level");
            params.put("level", f.level());
        }
        if (f.status() != null) {
            where.add("h.status = :status");
            params.put("status", f.status().name());
        }
        if (f.overdue() != null) {
            where.add("h.overdue = :overdue");
            params.put("overdue", f.overdue());
        }
        if (f.upstream() != null) {
            where.add("h.upstream_flag = :upstream");
            params.put("upstream", f.upstream());
        }
        if (f.region() != null && !f.region().isBlank()) {
            where.add("h.region_code LIKE :region");
            params.put("region", f.region().strip().replace("%", "").replace("_", "") + "%");
        }
        if (f.campaignId() != null) {
            where.add("h.campaign_id = :campaignId");
            params.put("campaignId", f.campaignId());
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.add("(h.number = :qExact OR h.title ILIKE :q OR h.responsible_party ILIKE :q)");
            params.put("qExact", f.q().strip());
            params.put("q", "%" + f.q().strip().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String condition = String.join(" AND ", where);
        long total = jdbc.sql("SELECT count(*) FROM hazard_hazard h WHERE " + condition).params(params)
                .query(Long.class).single();
        String order = SORTS.getOrDefault(f.sort() == null ? "found" : f.sort(), SORTS.get("found"));
        List<HazardView> items = jdbc.sql("SELECT " + Hazards.COLUMNS + ", c.name AS category_name FROM hazard_hazard h"
                        + " LEFT JOIN hazard_category c ON c.code = h.category_code WHERE " + condition
                        + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", pageSize).param("offset", (long) pageNo * pageSize)
                .query((rs, n) -> HazardView.brief(Hazards.map(rs, n), rs.getString("category_name")))
                .list();
        return new Page(items, pageNo, pageSize, total);
    }
}

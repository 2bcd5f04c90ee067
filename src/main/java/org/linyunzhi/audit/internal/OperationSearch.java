package org.linyunzhi.audit.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds operation-log rows for the pages, newest first. Pages are keyed by sequence number
 * ("older than row 4711") rather than by offset: the log only grows, and a keyed page costs the
 * same on the first page as on the ten-thousandth.
 */
@Component
class OperationSearch {

    static final ZoneId TOWN_TIME = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    OperationSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    enum Outcome { SUCCESS, FAILURE }

    /** What the user filters by; blank fields do not filter. Dates are days in town time, both inclusive. */
    record Filter(String user, String action, Outcome outcome, LocalDate from, LocalDate to) {
    }

    /**
     * One page of rows, newest first.
     *
     * @param newer the sequence number to page forward from ({@code after=}), or null on the newest page
     * @param older the sequence number to page back from ({@code before=}), or null on the oldest page
     */
    record Page(List<LogRow> rows, Long newer, Long older) {
    }

    Page find(Filter filter, Long before, Long after, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        boolean forward = after != null && before == null;
        String bound = forward ? " AND seq > :after" : before != null ? " AND seq < :before" : "";
        if (forward) {
            params.put("after", after);
        } else if (before != null) {
            params.put("before", before);
        }
        params.put("limit", size + 1);
        List<LogRow> rows = new ArrayList<>(jdbc.sql("SELECT " + LogRow.COLUMNS + " FROM audit_operation_log WHERE "
                        + where + bound + " ORDER BY seq " + (forward ? "ASC" : "DESC") + " LIMIT :limit")
                .params(params).query(LogRow::map).list());
        boolean more = rows.size() > size;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (forward) {
            Collections.reverse(rows);
        }
        if (rows.isEmpty()) {
            return new Page(rows, null, null);
        }
        long newest = rows.get(0).seq();
        long oldest = rows.get(rows.size() - 1).seq();
        boolean newerExist = forward ? more : before != null && exists(where, params, "seq > :edge", newest);
        boolean olderExist = forward ? exists(where, params, "seq < :edge", oldest) : more;
        return new Page(rows, newerExist ? newest : null, olderExist ? oldest : null);
    }

    Optional<LogRow> find(long seq) {
        return jdbc.sql("SELECT " + LogRow.COLUMNS + " FROM audit_operation_log WHERE seq = :seq")
                .param("seq", seq).query(LogRow::map).optional();
    }

    /** The filter as fixed SQL fragments with named parameters; no user text reaches the SQL. */
    private static String where(Filter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("TRUE");
        if (hasText(filter.user())) {
            where.append(" AND lower(username) LIKE :user");
            params.put("user", "%" + likeEscaped(filter.user().strip().toLowerCase()) + "%");
        }
        if (hasText(filter.action())) {
            where.append(" AND (action ILIKE :action OR title ILIKE :action)");
            params.put("action", "%" + likeEscaped(filter.action().strip()) + "%");
        }
        if (filter.outcome() != null) {
            where.append(" AND success = :success");
            params.put("success", filter.outcome() == Outcome.SUCCESS);
        }
        if (filter.from() != null) {
            where.append(" AND occurred_at >= :from");
            params.put("from", filter.from().atStartOfDay(TOWN_TIME).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(TOWN_TIME).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
        }
        return where.toString();
    }

    private boolean exists(String where, Map<String, Object> params, String bound, long edge) {
        Map<String, Object> own = new LinkedHashMap<>(params);
        own.keySet().removeAll(List.of("after", "before", "limit"));
        own.put("edge", edge);
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit_operation_log WHERE " + where + " AND " + bound + ")")
                .params(own).query(Boolean.class).single();
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

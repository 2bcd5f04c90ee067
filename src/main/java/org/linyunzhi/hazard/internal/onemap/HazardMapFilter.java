package org.linyunzhi.hazard.internal.onemap;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which hazards the map shows: by class, category, level, status, campaign and the day they were
 * found (Asia/Shanghai, both ends included). Empty sets do not filter. Every value is checked
 * against its shape before it reaches SQL, and reaches it only as a bound parameter.
 */
record HazardMapFilter(Set<String> classes, Set<String> categories, Set<Integer> levels, Set<String> statuses,
                       UUID campaign, LocalDate from, LocalDate to) {

    static final ZoneId TOWN_TIME = ZoneId.of("Asia/Shanghai");
    /** The hazard lifecycle's states (contract of issue 4); OVERDUE is the flag, offered as a status to filter by. */
    static final List<String> STATUSES = List.of("FOUND", "ORDERED", "RECTIFYING", "EVIDENCE_SUBMITTED", "REJECTED",
            "CLOSED", "OVERDUE");
    private static final Pattern CLASS_CODE = Pattern.compile("[A-Z_]{1,40}");
    private static final Pattern CATEGORY_CODE = Pattern.compile("[A-Za-z0-9-]{1,40}");

    static HazardMapFilter none() {
        return new HazardMapFilter(Set.of(), Set.of(), Set.of(), Set.of(), null, null, null);
    }

    /** From request parameters; each may repeat or hold a comma-separated list. */
    static HazardMapFilter parse(List<String> classes, List<String> categories, List<String> levels,
                                 List<String> statuses, String campaign, String from, String to) {
        Set<String> cls = codes("class", classes, CLASS_CODE);
        Set<String> cat = codes("category", categories, CATEGORY_CODE);
        Set<Integer> lv = new LinkedHashSet<>();
        for (String s : split(levels)) {
            try {
                int level = Integer.parseInt(s);
                if (level < 1 || level > 5) throw new NumberFormatException();
                lv.add(level);
            } catch (NumberFormatException e) {
                throw new BadMapInput("level", "onemap.error.level", s);
            }
        }
        Set<String> st = new LinkedHashSet<>();
        for (String s : split(statuses)) {
            if (!STATUSES.contains(s)) {
                throw new BadMapInput("status", "onemap.error.status", s);
            }
            st.add(s);
        }
        UUID camp = null;
        if (campaign != null && !campaign.isBlank()) {
            try {
                camp = UUID.fromString(campaign.strip());
            } catch (IllegalArgumentException e) {
                throw new BadMapInput("campaign", "onemap.error.campaign", campaign);
            }
        }
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        if (f != null && t != null && f.isAfter(t)) {
            throw new BadMapInput("to", "onemap.error.dateOrder", from, to);
        }
        return new HazardMapFilter(cls, cat, lv, st, camp, f, t);
    }

    /** Whether nothing is filtered. */
    boolean isEmpty() {
        return classes.isEmpty() && categories.isEmpty() && levels.isEmpty() && statuses.isEmpty() && campaign == null
                && from == null && to == null;
    }

    /**
     * Whether the pre-counted map cells can answer: they are kept per class, level and status only,
     * so a filter on category, campaign or date needs the hazards themselves.
     */
    boolean fitsMapCells() {
        return categories.isEmpty() && campaign == null && from == null && to == null && !statuses.contains("OVERDUE");
    }

    /**
     * The filter as SQL over a table with the columns of hazard_hazard (or of the map cells, for
     * class, level and status), with its named parameters. Column names are fixed here, never taken
     * from the request.
     */
    Sql sql(String alias) {
        StringBuilder where = new StringBuilder("TRUE");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!classes.isEmpty()) {
            where.append(" AND ").append(alias).append(".class_code IN (:fClasses)");
            params.put("fClasses", List.copyOf(classes));
        }
        if (!categories.isEmpty()) {
            where.append(" AND ").append(alias).append(".category_code IN (:fCategories)");
            params.put("fCategories", List.copyOf(categories));
        }
        if (!levels.isEmpty()) {
            where.append(" AND ").append(alias).append(".level IN (:fLevels)");
            params.put("fLevels", levels.stream().map(Integer::shortValue).toList());
        }
        if (!statuses.isEmpty()) {
            // "overdue" is a flag beside the status: a hazard may be RECTIFYING and overdue at once
            List<String> plain = statuses.stream().filter(s -> !s.equals("OVERDUE")).toList();
            List<String> either = new ArrayList<>();
            if (!plain.isEmpty()) {
                either.add(alias + ".status IN (:fStatuses)");
                params.put("fStatuses", plain);
            }
            if (statuses.contains("OVERDUE")) {
                either.add(alias + ".overdue");
            }
            where.append(" AND (").append(String.join(" OR ", either)).append(")");
        }
        if (campaign != null) {
            where.append(" AND ").append(alias).append(".campaign_id = :fCampaign");
            params.put("fCampaign", campaign);
        }
        if (from != null) {
            where.append(" AND ").append(alias).append(".found_at >= :fFrom");
            params.put("fFrom", java.sql.Timestamp.from(from.atStartOfDay(TOWN_TIME).toInstant()));
        }
        if (to != null) {
            where.append(" AND ").append(alias).append(".found_at < :fTo");
            params.put("fTo", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(TOWN_TIME).toInstant()));
        }
        return new Sql(where.toString(), params);
    }

    record Sql(String where, Map<String, Object> params) {
    }

    private static Set<String> codes(String name, List<String> values, Pattern shape) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : split(values)) {
            if (!shape.matcher(s).matches()) {
                throw new BadMapInput(name, "onemap.error.code", name, s);
            }
            out.add(s);
        }
        return out;
    }

    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values == null) return out;
        for (String v : values) {
            if (v == null) continue;
            for (String s : v.split(",")) {
                if (!s.isBlank()) out.add(s.strip());
            }
        }
        // a list long enough to slow the query down is not a filter a person picked
        if (out.size() > 300) {
            throw new BadMapInput("filter", "onemap.error.tooMany", 300);
        }
        return out;
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadMapInput(name, "onemap.error.date", value);
        }
    }
}

package org.linyunzhi.hazard.internal.catalogue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.linyunzhi.hazard.HazardLevel;

/**
 * Checks one category as an admin typed it or a spreadsheet row holds it. Problems are collected,
 * not thrown one at a time, so an import reports every fault of every row at once.
 */
final class CategoryRules {

    /** Class prefix, two-digit group, three-digit serial: PS-03-012. */
    static final Pattern CODE = Pattern.compile("(SC|SS|PS|CS|PO)-\\d{2}-\\d{3}");

    /** A fault: the field and a message key with its arguments. */
    record Problem(String field, String key, Object... args) {
    }

    /** What was typed, as text, before it is a category. */
    record Draft(String code, String name, String level, String department, String days, String description,
                 String active) {
    }

    private CategoryRules() {
    }

    /**
     * The category the draft describes, or the problems that stop it. {@code classByPrefix} maps code
     * prefixes to class codes.
     */
    static Category check(Draft d, Map<String, String> classByPrefix, List<Problem> problems) {
        int before = problems.size();
        String code = trim(d.code());
        if (code == null) {
            problems.add(new Problem("code", "hazard.catalogue.error.codeRequired"));
        } else if (!CODE.matcher(code).matches()) {
            problems.add(new Problem("code", "hazard.catalogue.error.codeFormat", code));
        }
        String name = trim(d.name());
        if (name == null) {
            problems.add(new Problem("name", "hazard.catalogue.error.nameRequired"));
        } else if (name.length() > Category.MAX_NAME) {
            problems.add(new Problem("name", "hazard.catalogue.error.tooLong", Category.MAX_NAME));
        }
        Integer level = number(d.level());
        if (level == null || level < 1 || level > 5) {
            problems.add(new Problem("level", "hazard.catalogue.error.level", text(d.level())));
        }
        String department = trim(d.department());
        if (department == null) {
            problems.add(new Problem("department", "hazard.catalogue.error.departmentRequired"));
        } else if (department.length() > Category.MAX_DEPARTMENT) {
            problems.add(new Problem("department", "hazard.catalogue.error.tooLong", Category.MAX_DEPARTMENT));
        }
        Integer days = number(d.days());
        if (days == null || days < 1 || days > Category.MAX_DAYS) {
            problems.add(new Problem("days", "hazard.catalogue.error.days", text(d.days()), Category.MAX_DAYS));
        }
        String description = trim(d.description());
        if (description != null && description.length() > Category.MAX_DESCRIPTION) {
            problems.add(new Problem("description", "hazard.catalogue.error.tooLong", Category.MAX_DESCRIPTION));
        }
        Boolean active = flag(d.active());
        if (active == null) {
            problems.add(new Problem("active", "hazard.catalogue.error.active", text(d.active())));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Category(code, classByPrefix.get(code.substring(0, 2)), name, HazardLevel.of(level), department,
                days, description, active, 0);
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    /** A whole number; spreadsheets hand numbers over as "3" or "3.0". */
    static Integer number(String s) {
        String t = trim(s);
        if (t == null) {
            return null;
        }
        try {
            double v = Double.parseDouble(t);
            return v == Math.rint(v) && Math.abs(v) < 100_000 ? (int) v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** 是/否, yes/no, true/false, 1/0; empty means active. */
    static Boolean flag(String s) {
        String t = trim(s);
        if (t == null) {
            return true;
        }
        return switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "是", "启用", "yes", "y", "true", "1", "1.0" -> true;
            case "否", "停用", "no", "n", "false", "0", "0.0" -> false;
            default -> null;
        };
    }
}

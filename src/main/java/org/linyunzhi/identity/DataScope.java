package org.linyunzhi.identity;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What part of the town a user may see and change. Region codes are hierarchical (a child's code
 * starts with its parent's), so "this subtree" is a code prefix and one predicate serves every
 * table that carries a region code. The same predicate guards reads and writes.
 *
 * @param kind         how the scope is bounded
 * @param regionCode   the bound node's code (REGION and DEPARTMENT; SELF keeps the user's node too)
 * @param userId       the user (SELF: only records the user owns)
 * @param departmentId the department (DEPARTMENT only)
 */
public record DataScope(Kind kind, String regionCode, UUID userId, UUID departmentId) implements Serializable {

    public enum Kind {
        /** the whole platform: system admins and town leaders */
        ALL,
        /** the subtree under {@link #regionCode} */
        REGION,
        /** a town department: the department's records, anywhere under its region */
        DEPARTMENT,
        /** only records the user owns, e.g. a resident's own reports */
        SELF
    }

    public static DataScope all() {
        return new DataScope(Kind.ALL, null, null, null);
    }

    public static DataScope region(String regionCode) {
        return new DataScope(Kind.REGION, regionCode, null, null);
    }

    public static DataScope department(UUID departmentId, String regionCode) {
        return new DataScope(Kind.DEPARTMENT, regionCode, null, departmentId);
    }

    public static DataScope self(UUID userId, String regionCode) {
        return new DataScope(Kind.SELF, regionCode, userId, null);
    }

    /** Whether a record filed under {@code code} is in scope, for checks made in memory. */
    public boolean coversRegion(String code) {
        return switch (kind) {
            case ALL -> true;
            case REGION, DEPARTMENT -> code != null && regionCode != null && code.startsWith(regionCode);
            case SELF -> code != null && code.equals(regionCode);
        };
    }

    /**
     * The scope as a SQL predicate with named parameters, to AND into any query or update.
     *
     * @param regionColumn     the column holding the record's region code, e.g. {@code "t.region_code"}
     * @param ownerColumn      the column holding the owning user's id, or null when records have no owner
     * @param departmentColumn the column holding the department id, or null when records have none
     */
    public SqlPredicate predicate(String regionColumn, String ownerColumn, String departmentColumn) {
        Map<String, Object> params = new LinkedHashMap<>();
        return switch (kind) {
            case ALL -> new SqlPredicate("TRUE", params);
            case REGION -> {
                params.put("scopeRegion", regionCode + "%");
                yield new SqlPredicate(regionColumn + " LIKE :scopeRegion", params);
            }
            case DEPARTMENT -> {
                params.put("scopeRegion", regionCode + "%");
                if (departmentColumn == null) {
                    yield new SqlPredicate(regionColumn + " LIKE :scopeRegion", params);
                }
                params.put("scopeDepartment", departmentId);
                yield new SqlPredicate("(" + regionColumn + " LIKE :scopeRegion AND " + departmentColumn
                        + " = :scopeDepartment)", params);
            }
            case SELF -> {
                if (ownerColumn == null) {
                    params.put("scopeRegionExact", regionCode);
                    yield new SqlPredicate(regionColumn + " = :scopeRegionExact", params);
                }
                params.put("scopeUser", userId);
                yield new SqlPredicate(ownerColumn + " = :scopeUser", params);
            }
        };
    }

    /** Shorthand for records that carry only a region code. */
    public SqlPredicate predicate(String regionColumn) {
        return predicate(regionColumn, null, null);
    }

    /** A SQL fragment and the named parameters it binds; never built from user input. */
    public record SqlPredicate(String sql, Map<String, Object> params) {
    }
}

package org.linyunzhi.hazard.internal.catalogue;

import org.linyunzhi.hazard.HazardLevel;

/**
 * A hazard category (隐患类别) as of one catalogue version: what it is, who handles it by default
 * (the level), which town department answers for it and how many days rectification may take.
 * Public because the hazards and inspection parts of this module file hazards under it.
 */
public record Category(String code, String classCode, String name, HazardLevel defaultLevel, String department,
                       int timeLimitDays, String description, boolean active, int catalogueVersion) {

    public static final int MAX_NAME = 100;
    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_DEPARTMENT = 64;
    public static final int MAX_DAYS = 365;

    /** Same content, ignoring the version stamp: whether publishing it would change anything. */
    boolean sameContentAs(Category other) {
        return other != null && code.equals(other.code) && classCode.equals(other.classCode) && name.equals(other.name)
                && defaultLevel == other.defaultLevel && department.equals(other.department)
                && timeLimitDays == other.timeLimitDays && java.util.Objects.equals(description, other.description)
                && active == other.active;
    }
}

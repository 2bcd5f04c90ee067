package org.linyunzhi.hazard;

/**
 * The five hazard levels, set by the body that handles the hazard (以事件处理主体为依据), with the
 * colour every map and page draws them in. Stored as their number 1..5.
 */
public enum HazardLevel {
    MICRO_GRID(1, "#2e7d32"),
    VILLAGE(2, "#1565c0"),
    TOWN_DEPARTMENT(3, "#f9a825"),
    TOWN_JOINT(4, "#ef6c00"),
    ABOVE_TOWN(5, "#c62828");

    private final int number;
    private final String colour;

    HazardLevel(int number, String colour) {
        this.number = number;
        this.colour = colour;
    }

    public int number() {
        return number;
    }

    public String colour() {
        return colour;
    }

    /** The body one step up, where an overdue hazard is escalated; the top level stays. */
    public HazardLevel above() {
        return this == ABOVE_TOWN ? this : values()[ordinal() + 1];
    }

    /** @throws IllegalArgumentException outside 1..5 */
    public static HazardLevel of(int number) {
        if (number < 1 || number > 5) {
            throw new IllegalArgumentException("hazard level must be 1..5, was " + number);
        }
        return values()[number - 1];
    }
}

package org.linyunzhi.grid;

import java.util.Optional;

/**
 * The levels of the region tree, top down. A dedicated micro-grid (专属微网格) hangs under a grid
 * beside the ordinary micro-grids, so both micro-grid levels have the grid as parent.
 */
public enum RegionLevel {
    TOWN(9),
    VILLAGE(12),
    GRID(15),
    MICRO_GRID(19),
    DEDICATED_MICRO_GRID(19);

    private final int codeLength;

    RegionLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    /** Digits of a full code at this level (docs/region-codes.md). */
    public int codeLength() {
        return codeLength;
    }

    /** The level a node of this level must hang under; empty for the town, the root. */
    public Optional<RegionLevel> parentLevel() {
        return switch (this) {
            case TOWN -> Optional.empty();
            case VILLAGE -> Optional.of(TOWN);
            case GRID -> Optional.of(VILLAGE);
            case MICRO_GRID, DEDICATED_MICRO_GRID -> Optional.of(GRID);
        };
    }

    public boolean isMicroGrid() {
        return this == MICRO_GRID || this == DEDICATED_MICRO_GRID;
    }

    /** Parses a level name as it appears in GeoJSON properties and query strings; empty when unknown. */
    public static Optional<RegionLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (RegionLevel level : values()) {
            if (level.name().equalsIgnoreCase(name.strip())) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}

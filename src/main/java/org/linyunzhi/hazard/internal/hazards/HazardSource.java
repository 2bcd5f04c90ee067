package org.linyunzhi.hazard.internal.hazards;

/** How a hazard was found. */
public enum HazardSource {
    INSPECTION, GRID_REPORT, EVENT
}

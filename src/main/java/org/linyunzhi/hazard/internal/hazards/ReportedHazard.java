package org.linyunzhi.hazard.internal.hazards;

import java.util.UUID;

/** The hazard a report filed: its id and its readable number (YH20261204-0001). */
public record ReportedHazard(UUID id, String number) {
}

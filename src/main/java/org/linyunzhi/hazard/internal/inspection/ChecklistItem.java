package org.linyunzhi.hazard.internal.inspection;

import java.util.UUID;

/** One question of a campaign's checklist; its department owns what is found on it. */
record ChecklistItem(UUID id, UUID campaignId, int position, String text, String department, String categoryCode) {
}

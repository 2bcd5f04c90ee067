package org.linyunzhi.hazard.internal.inspection;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the inspector sends from the phone for one visit: an answer per checklist item (of every
 * campaign merged into the visit), the phone's position when it could tell, a note and photos.
 */
record VisitForm(Map<UUID, Answer> answers, Double lon, Double lat, String note, List<Photo> photos) {

    static final int MAX_NOTE = 1000;
    static final int MAX_ITEM_NOTE = 500;

    /**
     * @param reportHazard report the failure as a hazard (only for a failed item)
     * @param categoryCode the hazard category; blank: the item's suggestion
     */
    record Answer(Boolean passed, String note, Boolean reportHazard, String categoryCode) {

        boolean reportsHazard() {
            return Boolean.TRUE.equals(reportHazard);
        }
    }

    record Photo(String fileName, byte[] bytes) {
    }
}

package org.linyunzhi.hazard.internal.inspection;

import java.time.LocalDate;
import java.util.List;

/**
 * A campaign as the officer asks for it, from the page or the API.
 *
 * @param department the issuing department; blank: the officer's own
 */
record CampaignRequest(String name, CampaignType type, String department, LocalDate startsOn, LocalDate endsOn,
                       List<Item> items, TargetRequest target) {

    static final int MAX_NAME = 100;
    static final int MAX_ITEMS = 40;
    static final int MAX_ITEM_TEXT = 200;
    static final int MAX_DEPARTMENT = 60;

    /** One checklist question; a blank department is the campaign's. */
    record Item(String text, String department, String categoryCode) {
    }
}

package org.linyunzhi.hazard.internal.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An inspection campaign (排查任务) as stored. */
record Campaign(UUID id, String code, String name, CampaignType type, String department, LocalDate startsOn,
                LocalDate endsOn, String status, String targetDescription, UUID createdBy, Instant createdAt) {

    static final String ACTIVE = "ACTIVE";
    static final String FINISHED = "FINISHED";
}

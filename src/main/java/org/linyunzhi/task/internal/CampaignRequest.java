package org.linyunzhi.task.internal;

import java.time.Instant;
import java.util.List;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;

/**
 * A campaign as its issuer asks for it: every node of {@code level} under {@code scopeCode}, or only
 * the hand-picked {@code nodes} among them.
 */
record CampaignRequest(String name, String description, TaskType type, TaskPriority priority, Instant deadline,
                       String scopeCode, RegionLevel level, boolean wholeSubtree, List<String> nodes) {

    static final int MAX_NAME = 100;
}

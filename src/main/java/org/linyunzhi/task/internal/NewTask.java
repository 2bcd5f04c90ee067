package org.linyunzhi.task.internal;

import java.time.Instant;
import java.util.UUID;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;

/**
 * A task as an issuer asks for it, from the page or the API. Only the node is required besides the
 * name and type: the person defaults by the node's roster ({@link DefaultAssignee}).
 *
 * @param dispatch send it at once unless false; false keeps it a draft
 */
record NewTask(String name, String description, TaskType type, TaskSource source, String sourceRef,
               TaskPriority priority, Instant deadline, String regionCode, UUID staffId, Double lon, Double lat,
               Boolean dispatch) {

    static final int MAX_NAME = 100;
    static final int MAX_TEXT = 2000;
}

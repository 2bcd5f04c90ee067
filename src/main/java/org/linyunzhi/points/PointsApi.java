package org.linyunzhi.points;

import java.util.UUID;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;

/**
 * What other modules may ask of the points ledger. Answers are not limited by the caller's data
 * scope: the caller decides what to show to whom.
 */
public interface PointsApi {

    /** The sum of every ledger entry of a grid roster member; 0 when the person has none. */
    long balance(UUID staffId);

    /** The sum of every ledger entry credited to a login account (people on the roster with an account). */
    long balanceOfUser(UUID userId);

    /** What approving a task of this type and priority earns under the current rules, before any bonus. */
    int approvalPoints(TaskType type, TaskPriority priority);
}

package org.linyunzhi.points.internal;

import java.util.UUID;
import org.linyunzhi.points.PointsApi;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.springframework.stereotype.Service;

/** The points module's public face for other modules. */
@Service
class PointsService implements PointsApi {

    private final Ledger ledger;
    private final PointsRules rules;

    PointsService(Ledger ledger, PointsRules rules) {
        this.ledger = ledger;
        this.rules = rules;
    }

    @Override
    public long balance(UUID staffId) {
        return ledger.balanceOfStaff(staffId);
    }

    @Override
    public long balanceOfUser(UUID userId) {
        return ledger.balanceOfUser(userId);
    }

    @Override
    public int approvalPoints(TaskType type, TaskPriority priority) {
        return rules.current().approvalPoints(type, priority);
    }
}

package org.linyunzhi.task.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.identity.UserDirectory;
import org.linyunzhi.task.IssuedTask;
import org.linyunzhi.task.TaskApi;
import org.linyunzhi.task.TaskOrder;
import org.linyunzhi.task.TaskPriority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks other modules order (an inspection round per micro-grid, a hazard to rectify). They take
 * the campaign path of the lifecycle ({@link TaskLifecycle#issueAll}): one number, one insert, the
 * dispatch event, the timeline and the deadline timer, exactly as a task issued on the pages. The
 * ordering module has checked its own permission, so the issuer acts here with the dispatch right
 * over the whole town; the node and the person are still checked against the grid.
 */
@Service
class TaskOrders implements TaskApi {

    private final TaskLifecycle lifecycle;
    private final GridApi grid;
    private final UserDirectory users;

    TaskOrders(TaskLifecycle lifecycle, GridApi grid, UserDirectory users) {
        this.lifecycle = lifecycle;
        this.grid = grid;
        this.users = users;
    }

    @Override
    @Transactional
    public IssuedTask issue(TaskOrder order) {
        return issueAll(List.of(order)).get(0);
    }

    @Override
    @Transactional
    public List<IssuedTask> issueAll(List<TaskOrder> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        try {
            List<Task.Details> details = new ArrayList<>(orders.size());
            for (TaskOrder order : orders) {
                details.add(details(order));
            }
            UUID by = orders.get(0).issuedByUserId();
            List<IssuedTask> issued = new ArrayList<>(orders.size());
            for (Task task : lifecycle.issueAll(details, issuer(by), actor(by))) {
                Assignee assignee = task.assignee();
                issued.add(new IssuedTask(task.id(), task.number(), assignee == null ? null : assignee.staffId(),
                        assignee == null ? null : assignee.userId()));
            }
            return issued;
        } catch (TaskRefused refused) {
            // the caller sits in another module and cannot see TaskRefused; the key names the fault
            throw new IllegalArgumentException(refused.field + ": " + refused.messageKey, refused);
        }
    }

    private Task.Details details(TaskOrder order) {
        if (order.type() == null) {
            throw TaskRefused.badInput("type", "task.error.typeRequired");
        }
        TaskRules.checkText(order.name(), order.description());
        TaskRules.checkDeadline(order.deadline(), lifecycle.now());
        TaskRules.checkPosition(order.lon(), order.lat());
        RegionNode node = lifecycle.targetNode(Actor.system("order"), order.regionCode());
        Assignee assignee = order.staffId() != null ? lifecycle.rosterPerson(node, order.staffId())
                : lifecycle.defaultPerson(node);
        return new Task.Details(order.name().strip(), TaskRules.blankToNull(order.description()), order.type(),
                source(order.sourceKind()), TaskRules.blankToNull(order.sourceRef()), null,
                order.priority() == null ? TaskPriority.NORMAL : order.priority(),
                order.deadline() == null ? null : order.deadline().truncatedTo(ChronoUnit.SECONDS),
                node.code(), node.name(), assignee, order.lon(), order.lat());
    }

    /** Only the kinds another module can be the cause of; a department or routine task is issued on the pages. */
    private static TaskSource source(String kind) {
        if (kind != null) {
            switch (kind) {
                case "HAZARD": return TaskSource.HAZARD;
                case "CAMPAIGN": return TaskSource.CAMPAIGN;
                case "EVENT": return TaskSource.EVENT;
                default: break;
            }
        }
        throw TaskRefused.badInput("sourceKind", "task.error.sourceKind", String.valueOf(kind));
    }

    private Issuer issuer(UUID userId) {
        if (userId == null) {
            return new Issuer(null, "system", null, null);
        }
        UserDirectory.Person person = users.byId(userId)
                .orElseThrow(() -> TaskRefused.badInput("issuedByUserId", "task.error.issuerUnknown"));
        return new Issuer(person.id(), person.displayName(), person.departmentId(), person.departmentName());
    }

    private Actor actor(UUID userId) {
        if (userId == null) {
            return new Actor(null, "system", Set.of("task:dispatch"), DataScope.all(), Set.of());
        }
        String name = users.byId(userId).map(UserDirectory.Person::displayName).orElse("system");
        return new Actor(userId, name, Set.of("task:dispatch"), DataScope.all(),
                Set.copyOf(grid.staffLinkedTo(userId)));
    }
}

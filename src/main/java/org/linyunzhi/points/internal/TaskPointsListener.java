package org.linyunzhi.points.internal;

import org.linyunzhi.task.TaskEvents.TaskApproved;
import org.linyunzhi.task.TaskEvents.TaskDispatched;
import org.linyunzhi.task.TaskEvents.TaskHistoryWritten;
import org.linyunzhi.task.TaskEvents.TaskOverdue;
import org.linyunzhi.task.TaskEvents.TasksDispatched;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The only writer of the ledger. Each method runs after the task's transaction committed, on its
 * own thread and in its own transaction; the event publication registry redelivers an event whose
 * listener failed or whose node stopped, so every method is safe to run twice.
 */
@Component
class TaskPointsListener {

    private static final Logger log = LoggerFactory.getLogger(TaskPointsListener.class);

    private final PointsRules rules;
    private final Ledger ledger;

    TaskPointsListener(PointsRules rules, Ledger ledger) {
        this.rules = rules;
        this.ledger = ledger;
    }

    /** Only the start of the task's clock is kept: the early bonus may be a share of the window. */
    @ApplicationModuleListener
    void on(TaskDispatched e) {
        rules.recordDispatch(e.taskId(), e.at());
    }

    /** A campaign's tasks: every clock starts, in the one transaction of this delivery. */
    @ApplicationModuleListener
    void on(TasksDispatched batch) {
        batch.tasks().forEach(this::on);
    }

    /**
     * The demo's months of past tasks: their points as if earned then. A plain listener, so it runs in
     * the transaction writing the history and the town starts with its leaderboards filled, instead of
     * an asynchronous delivery racing the first users (and tests) after start-up.
     */
    @EventListener
    void on(TaskHistoryWritten history) {
        history.dispatched().forEach(this::on);
        history.overdue().forEach(this::on);
        history.approved().forEach(this::on);
        log.info("Points for the task history: {} approvals, {} overdue", history.approved().size(),
                history.overdue().size());
    }

    @ApplicationModuleListener
    void on(TaskApproved e) {
        var dispatchedAt = rules.dispatchedAt(e.taskId()).orElse(null);
        for (Award award : PointsPolicy.forApproval(e, rules.current(), dispatchedAt)) {
            write(award);
        }
    }

    @ApplicationModuleListener
    void on(TaskOverdue e) {
        PointsPolicy.forOverdue(e, rules.current()).ifPresent(this::write);
    }

    private void write(Award award) {
        if (ledger.append(award)) {
            log.info("Points {} for {} ({} {})", award.points(), award.staffId() != null ? award.staffId() : award.userId(),
                    award.ruleCode(), award.sourceNumber());
        } else {
            log.debug("Points for {} {} {} already written; repeated delivery ignored", award.sourceEvent(),
                    award.sourceId(), award.ruleCode());
        }
    }
}

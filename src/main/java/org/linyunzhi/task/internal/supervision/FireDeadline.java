package org.linyunzhi.task.internal.supervision;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a due timer does: in one transaction, record that it fired and tell every
 * {@link DeadlineListener}. If a listener fails, the transaction rolls back, nothing is recorded,
 * and db-scheduler tries again later; if it fired before, nobody is told twice.
 */
class FireDeadline {

    private static final Logger log = LoggerFactory.getLogger(FireDeadline.class);

    private final TransactionTemplate transaction;
    private final DeadlineFirings firings;
    private final ObjectProvider<DeadlineListener> listeners;
    private final String node;
    private final AtomicBoolean warnedNoListener = new AtomicBoolean();

    FireDeadline(TransactionTemplate transaction, DeadlineFirings firings, ObjectProvider<DeadlineListener> listeners,
                 String node) {
        this.transaction = transaction;
        this.firings = firings;
        this.listeners = listeners;
        this.node = node;
    }

    void fire(DeadlineKind kind, TimerInstance timer) {
        transaction.executeWithoutResult(status -> {
            if (!firings.claim(kind, timer.taskId(), timer.deadline(), node)) {
                log.info("{} of task {} for {} fired before; not repeated", kind, timer.taskId(), timer.deadline());
                return;
            }
            List<DeadlineListener> all = listeners.orderedStream().toList();
            if (all.isEmpty() && warnedNoListener.compareAndSet(false, true)) {
                log.warn("Deadline timers fire but no DeadlineListener bean exists: nobody is told");
            }
            for (DeadlineListener listener : all) {
                kind.tell(listener, timer.taskId(), timer.deadline());
            }
        });
    }
}

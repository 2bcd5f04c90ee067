package org.linyunzhi.task.internal.supervision;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;
import java.time.Instant;

/**
 * After a failed firing (a listener threw, the database was away) the timer stays and is tried
 * again: first after {@code first}, then after twice as long each time, never longer than
 * {@code max}. A deadline is not given up on.
 */
class DoublingRetry<T> implements FailureHandler<T> {

    private final Duration first;
    private final Duration max;

    DoublingRetry(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    Duration delayAfter(int consecutiveFailures) {
        // 2^20 times the first delay is beyond any sensible maximum; stop doubling before it overflows
        Duration delay = first.multipliedBy(1L << Math.min(consecutiveFailures, 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        Instant next = complete.getTimeDone().plus(delayAfter(complete.getExecution().consecutiveFailures));
        operations.reschedule(complete, next);
    }
}

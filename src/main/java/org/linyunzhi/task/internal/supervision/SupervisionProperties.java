package org.linyunzhi.task.internal.supervision;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linyunzhi.task.supervision.*}: when a task's reminder and escalation fire, and how the
 * timer scheduler polls. See docs/decisions/task-deadline-timers.md.
 *
 * @param reminderBefore             working time before the deadline at which the assignee is reminded;
 *                                   zero turns reminders off
 * @param escalationAfterWorkingDays working days after the deadline (same clock time) at which an open
 *                                   task is escalated to the grid head and the issuing department; zero
 *                                   turns escalation off
 * @param executeTimers              whether this node fires timers; a node that only serves pages may say
 *                                   no and still schedule them
 * @param pollingInterval            how often a node looks for due timers: the bound on the firing lag
 * @param threads                    timers fired at once by one node
 * @param heartbeatInterval          how often a node marks the timers it is firing as alive
 * @param missedHeartbeats           missed heartbeats after which a firing is taken for dead (its node
 *                                   crashed) and is run again elsewhere
 * @param retryDelay                 first wait after a listener failed; it doubles up to {@code maxRetryDelay}
 * @param maxRetryDelay              the longest wait between two attempts
 * @param firingsKept                how long the record that a timer fired is kept (it stops a second firing)
 * @param nodeName                   this node's name in the timer table; the host name when empty
 */
@ConfigurationProperties("linyunzhi.task.supervision")
public record SupervisionProperties(
        @DefaultValue("2h") Duration reminderBefore,
        @DefaultValue("1") int escalationAfterWorkingDays,
        @DefaultValue("true") boolean executeTimers,
        @DefaultValue("1s") Duration pollingInterval,
        @DefaultValue("10") int threads,
        @DefaultValue("15s") Duration heartbeatInterval,
        @DefaultValue("4") int missedHeartbeats,
        @DefaultValue("30s") Duration retryDelay,
        @DefaultValue("1h") Duration maxRetryDelay,
        @DefaultValue("90d") Duration firingsKept,
        String nodeName) {

    public SupervisionProperties {
        if (reminderBefore.isNegative()) {
            throw new IllegalArgumentException("linyunzhi.task.supervision.reminder-before must not be negative");
        }
        if (escalationAfterWorkingDays < 0) {
            throw new IllegalArgumentException("linyunzhi.task.supervision.escalation-after-working-days must not be negative");
        }
        if (threads < 1 || missedHeartbeats < 1) {
            throw new IllegalArgumentException("linyunzhi.task.supervision.threads and missed-heartbeats must be at least 1");
        }
    }
}

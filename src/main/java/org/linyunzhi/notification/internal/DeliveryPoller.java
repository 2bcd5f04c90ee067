package org.linyunzhi.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due webhook deliveries, on every node. Each delivery is claimed, sent and recorded in its
 * own transaction while its row is locked: a node that dies mid-send releases the lock and the
 * delivery is sent again later (at least once; the gateway deduplicates by the delivery header),
 * and two live nodes never send the same delivery at once.
 */
@Component
class DeliveryPoller {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPoller.class);

    private final Deliveries deliveries;
    private final WebhookConfig config;
    private final WebhookSender sender;
    private final TransactionTemplate tx;
    private final NotificationProperties properties;
    private final Clock clock;

    DeliveryPoller(Deliveries deliveries, WebhookConfig config, WebhookSender sender, TransactionTemplate tx,
                   NotificationProperties properties, ObjectProvider<Clock> clock) {
        this.deliveries = deliveries;
        this.config = config;
        this.sender = sender;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** Sends what is due, up to the batch size; run every second by {@link NotificationTimers}. */
    void sendDue() {
        WebhookSettings settings = config.current();
        if (!settings.enabled()) {
            return; // deliveries wait, visible on the page, until the webhook is on again
        }
        for (int i = 0; i < properties.webhook().batch(); i++) {
            if (!sendNext(settings)) {
                return;
            }
        }
    }

    /** Sends one due delivery, if there is one. */
    boolean sendNext(WebhookSettings settings) {
        Boolean sent = tx.execute(status -> deliveries.claimNextDue(clock.instant()).map(claimed -> {
            Instant at = clock.instant();
            WebhookSender.Result result = sender.send(settings, claimed.id(), claimed.payload(), at);
            int attempt = claimed.attempts() + 1;
            if (result.delivered()) {
                deliveries.recordAttempt(claimed, result, settings.url(), Deliveries.Status.DELIVERED, at, null);
            } else if (attempt >= settings.maxAttempts()) {
                log.warn("Webhook delivery {} failed for good after {} attempts: {}", claimed.id(), attempt, result.error());
                deliveries.recordAttempt(claimed, result, settings.url(), Deliveries.Status.FAILED, at, null);
            } else {
                Instant next = clock.instant().plus(Backoff.after(attempt, Duration.ofSeconds(settings.backoffSeconds())));
                log.info("Webhook delivery {} attempt {} failed ({}); next at {}", claimed.id(), attempt, result.error(), next);
                deliveries.recordAttempt(claimed, result, settings.url(), Deliveries.Status.PENDING, at, next);
            }
            return true;
        }).orElse(false));
        return Boolean.TRUE.equals(sent);
    }
}

package org.linyunzhi.notification.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a notice: a row in each recipient's inbox and, when the webhook is on, a delivery row for
 * each, in one transaction. Nothing is sent here: live pages and the gateway poller read the rows,
 * so a notice filed on one node reaches a reader connected to another, and a crash loses nothing.
 */
@Service
class Notifier {

    private final Inbox inbox;
    private final Deliveries deliveries;
    private final WebhookConfig webhook;
    private final WebhookPayload payload;
    private final Clock clock;

    Notifier(Inbox inbox, Deliveries deliveries, WebhookConfig webhook, WebhookPayload payload,
             ObjectProvider<Clock> clock) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.webhook = webhook;
        this.payload = payload;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Transactional
    List<InboxEntry> file(Notice notice) {
        List<InboxEntry> created = inbox.deliver(notice);
        if (!created.isEmpty() && webhook.current().enabled()) {
            for (InboxEntry entry : created) {
                UUID id = UUID.randomUUID();
                deliveries.insert(id, entry.id(), payload.of(id, entry), clock.instant());
            }
        }
        return created;
    }
}

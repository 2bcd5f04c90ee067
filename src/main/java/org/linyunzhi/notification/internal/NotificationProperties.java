package org.linyunzhi.notification.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of live updates and the webhook ({@code linyunzhi.notification.*}).
 *
 * @param live    the live-update stream
 * @param webhook the outbound webhook's sender
 */
@ConfigurationProperties("linyunzhi.notification")
record NotificationProperties(@DefaultValue Live live, @DefaultValue Webhook webhook) {

    /**
     * @param poll          how often each node reads new inbox rows for its connected users
     * @param lookBack      how far each poll reaches back before the previous one: a row committed
     *                      late (its time is its insert, not its commit) is still found
     * @param streamTimeout how long one stream stays open; the page reconnects only if its user
     *                      is active, so an open tab does not keep an idle session alive
     * @param heartbeat     how often an idle stream sends a comment, so proxies keep it open
     */
    record Live(@DefaultValue("1s") Duration poll, @DefaultValue("10s") Duration lookBack,
                @DefaultValue("5m") Duration streamTimeout, @DefaultValue("25s") Duration heartbeat) {
    }

    /**
     * @param poll    how often each node looks for due deliveries
     * @param timeout connect and response timeout of one attempt
     * @param batch   most deliveries one node sends per poll
     */
    record Webhook(@DefaultValue("1s") Duration poll, @DefaultValue("10s") Duration timeout,
                   @DefaultValue("50") int batch) {
    }
}

package org.linyunzhi.notification.internal;

import java.time.Instant;

/**
 * The outbound webhook as configured: where to send, the key to sign with, how hard to retry.
 *
 * @param secret         the HMAC-SHA256 key, or null to send unsigned
 * @param maxAttempts    attempts before a delivery is marked failed
 * @param backoffSeconds the wait before the first retry; each further retry waits twice as long
 */
record WebhookSettings(boolean enabled, String url, String secret, int maxAttempts, int backoffSeconds, int version,
                       Instant updatedAt, String updatedBy) {

    public boolean signed() {
        return secret != null && !secret.isEmpty();
    }
}

package org.linyunzhi.notification.internal;

import java.time.Duration;

/**
 * Exponential backoff for webhook retries: after the n-th failed attempt wait base × 2^(n−1),
 * never more than six hours, so a gateway that is down for a day is still tried a few times an
 * hour rather than hammered or forgotten.
 */
final class Backoff {

    static final Duration CAP = Duration.ofHours(6);

    private Backoff() {
    }

    static Duration after(int failedAttempts, Duration base) {
        if (failedAttempts < 1) {
            return Duration.ZERO;
        }
        // beyond 2^20 the cap has long been reached; the shift must not overflow
        int exponent = Math.min(failedAttempts - 1, 20);
        Duration delay = base.multipliedBy(1L << exponent);
        return delay.compareTo(CAP) > 0 ? CAP : delay;
    }
}

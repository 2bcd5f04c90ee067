package org.linyunzhi.notification.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Posts one delivery to the gateway. The body is signed, when a secret is set, as
 * {@code X-Linyunzhi-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>} with the
 * timestamp in {@code X-Linyunzhi-Timestamp}, so the gateway can refuse forgeries and replays;
 * {@code X-Linyunzhi-Delivery} lets it drop a delivery it has already had (sending is at least once).
 */
@Component
class WebhookSender {

    static final String SIGNATURE = "X-Linyunzhi-Signature";
    static final String TIMESTAMP = "X-Linyunzhi-Timestamp";
    static final String DELIVERY = "X-Linyunzhi-Delivery";
    private static final int MAX_ERROR = 500;

    private final HttpClient client;
    private final Duration timeout;

    WebhookSender(NotificationProperties properties) {
        this.timeout = properties.webhook().timeout();
        // redirects are not followed: a gateway that moved should be reconfigured, not chased
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What the gateway answered: a status, or the error that kept it from answering. */
    record Result(Integer statusCode, String error, long millis) {

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    Result send(WebhookSettings settings, UUID deliveryId, String payload, Instant now) {
        long started = System.nanoTime();
        String timestamp = String.valueOf(now.getEpochSecond());
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Linyunzhi-Webhook/1")
                    .header(DELIVERY, deliveryId.toString())
                    .header(TIMESTAMP, timestamp)
                    .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
            if (settings.signed()) {
                request.header(SIGNATURE, "sha256=" + signature(settings.secret(), timestamp, payload));
            }
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            String error = response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
            return new Result(response.statusCode(), error, elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted", elapsed(started));
        } catch (Exception e) {
            String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Result(null, message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message,
                    elapsed(started));
        }
    }

    static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static long elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}

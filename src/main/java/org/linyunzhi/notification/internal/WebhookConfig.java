package org.linyunzhi.notification.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored webhook settings (one row) and the checks an edit must pass. */
@Repository
class WebhookConfig {

    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 200;
    static final int MAX_URL = 2000;

    private final JdbcClient jdbc;

    WebhookConfig(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    WebhookSettings current() {
        return jdbc.sql("""
                        SELECT enabled, url, secret, max_attempts, backoff_seconds, version, updated_at, updated_by
                          FROM notification_webhook WHERE id = 1""")
                .query((rs, i) -> new WebhookSettings(rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getString(8)))
                .single();
    }

    /**
     * An edit as typed on the page. A blank secret keeps the stored one unless {@code clearSecret}.
     */
    record Edit(boolean enabled, String url, String secret, boolean clearSecret, String maxAttempts,
                String backoffSeconds, Integer version) {
    }

    /** Field → message key (with arguments) for every wrong field of the edit; empty when it may be saved. */
    static Map<String, Object[]> problems(Edit edit) {
        Map<String, Object[]> problems = new LinkedHashMap<>();
        String url = edit.url() == null ? "" : edit.url().strip();
        if (url.isEmpty()) {
            if (edit.enabled()) {
                problems.put("url", new Object[] {"notification.webhook.error.urlRequired"});
            }
        } else if (url.length() > MAX_URL || !httpUrl(url)) {
            problems.put("url", new Object[] {"notification.webhook.error.url"});
        }
        String secret = edit.secret() == null ? "" : edit.secret();
        if (!secret.isEmpty() && (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET)) {
            problems.put("secret", new Object[] {"notification.webhook.error.secret", String.valueOf(MIN_SECRET),
                    String.valueOf(MAX_SECRET)});
        }
        checkWhole(problems, "maxAttempts", edit.maxAttempts(), 1, 20);
        checkWhole(problems, "backoffSeconds", edit.backoffSeconds(), 1, 3600);
        return problems;
    }

    /**
     * Saves a checked edit if nobody saved since {@code edit.version()}.
     *
     * @return false on a version conflict (nothing written)
     */
    boolean save(Edit edit, String by, Instant at) {
        String url = edit.url() == null || edit.url().isBlank() ? null : edit.url().strip();
        String secret = edit.secret() == null || edit.secret().isEmpty() ? null : edit.secret();
        return jdbc.sql("""
                        UPDATE notification_webhook
                           SET enabled = :enabled, url = :url,
                               secret = CASE WHEN :clear THEN NULL WHEN CAST(:secret AS TEXT) IS NULL THEN secret ELSE :secret END,
                               max_attempts = :max, backoff_seconds = :backoff, version = version + 1,
                               updated_at = :at, updated_by = :by
                         WHERE id = 1 AND version = :version""")
                .param("enabled", edit.enabled()).param("url", url).param("clear", edit.clearSecret())
                .param("secret", secret).param("max", Integer.parseInt(edit.maxAttempts().strip()))
                .param("backoff", Integer.parseInt(edit.backoffSeconds().strip()))
                .param("at", java.sql.Timestamp.from(at)).param("by", by)
                .param("version", edit.version() == null ? -1 : edit.version())
                .update() == 1;
    }

    private static boolean httpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Bounds go into messages as text: MessageFormat would print 3600 as "3,600". */
    private static void checkWhole(Map<String, Object[]> problems, String field, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.strip());
            if (value < min || value > max) {
                problems.put(field, new Object[] {"notification.webhook.error.range", String.valueOf(min), String.valueOf(max)});
            }
        } catch (NumberFormatException e) {
            problems.put(field, new Object[] {"notification.webhook.error.range", String.valueOf(min), String.valueOf(max)});
        }
    }
}

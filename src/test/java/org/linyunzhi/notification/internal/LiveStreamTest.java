package org.linyunzhi.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linyunzhi.task.TaskEvents.TaskOverdue;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live stream over real HTTP, as a browser uses it: sign in through the login form with a demo
 * account, open /notification/stream with the session cookie, get the unread count at once and a
 * notification event when a task event names the user. The event goes through the database (the
 * listener writes the inbox row, the node's poll reads it), the path a user on another node takes.
 */
@IntegrationTest
class LiveStreamTest {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    LiveInbox live;

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Signs in through the login form, as the browser does; the client keeps the session cookie. */
    void logIn(String username, String password) throws Exception {
        String page = http.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aSignedInUsersStreamGetsTheUnreadCountAndThenTheirNotification() throws Exception {
        logIn("gridworker", "Linpu@2026");
        String me = http.send(HttpRequest.newBuilder(url("/api/identity/me")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher id = ID.matcher(me);
        assertThat(id.find()).isTrue();
        UUID userId = UUID.fromString(id.group(1));

        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(url("/notification/stream"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(1000);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (Exception closed) {
                // the test closes the stream when it is done
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            List<String> hello = readEvent(lines, "hello");
            assertThat(String.join("\n", hello)).contains("\"unread\":");
            assertThat(live.connections()).isPositive();

            String number = "RW-LIVE-" + UUID.randomUUID().toString().substring(0, 8);
            tx.executeWithoutResult(s -> events.publishEvent(new TaskOverdue(UUID.randomUUID(), number, "Repair the lamp",
                    TaskType.RECTIFICATION, TaskPriority.URGENT, "330109107001001", UUID.randomUUID(), userId,
                    Instant.now().minusSeconds(1), Set.of(userId), Instant.now())));

            // the demo users get live work from other tests too (hazards reported in their grid): take ours
            String event = "";
            for (int i = 0; i < 20 && !event.contains(number); i++) {
                event = String.join("\n", readEvent(lines, "notification"));
            }
            assertThat(event).contains(number).contains("任务已逾期").contains("\"urgent\":true").contains("\"unread\":");
        } finally {
            stream.body().close();
            reader.interrupt();
        }
    }

    @Test
    void theStreamNeedsASignedInUser() throws Exception {
        HttpResponse<Void> anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(url("/notification/stream")).header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.discarding());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    /** The lines of the next event with this name, waiting up to 15 seconds. */
    static List<String> readEvent(BlockingQueue<String> lines, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<String> event = new ArrayList<>();
        boolean named = false;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.isEmpty()) {
                if (named) {
                    return event;
                }
                event.clear();
                continue;
            }
            event.add(line);
            if (line.equals("event:" + name) || line.equals("event: " + name)) {
                named = true;
            }
        }
        throw new AssertionError("no '" + name + "' event within 15 s; last lines: " + event);
    }
}

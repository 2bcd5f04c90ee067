package org.linyunzhi.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.task.TaskEvents.TaskUrged;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbound webhook against a real HTTP server on a loopback port: a gateway that fails twice
 * and then answers gets the delivery on the third attempt, after waits that double, signed with the
 * configured secret; a gateway that keeps failing leaves a failed delivery on the page, which
 * "retry now" sends again.
 */
@IntegrationTest
@AutoConfigureMockMvc
class WebhookTest {

    static final String SECRET = "gateway-shared-secret-2026";

    /** One request as the gateway saw it. */
    record Received(Instant at, Map<String, List<String>> headers, String body) {
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Inbox inbox;

    @Autowired
    Deliveries deliveries;

    @Autowired
    WebhookConfig config;

    final CurrentUser admin = AsUser.user("webhook-admin", DataScope.all(), "notification:webhook:view",
            "notification:webhook:edit");
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    HttpServer gateway;

    @BeforeEach
    void startGateway() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/sms", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(Instant.now(), Map.copyOf(exchange.getRequestHeaders()), body));
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stopGatewayAndSwitchOff() throws Exception {
        configure(false, "", "1", "1");
        gateway.stop(0);
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms";
    }

    void configure(boolean enabled, String secret, String maxAttempts, String backoffSeconds) throws Exception {
        mvc.perform(post("/notification/webhook").with(as(admin)).with(csrf())
                        .param("enabled", String.valueOf(enabled)).param("url", gatewayUrl()).param("secret", secret)
                        .param("clearSecret", String.valueOf(secret.isEmpty()))
                        .param("maxAttempts", maxAttempts).param("backoffSeconds", backoffSeconds)
                        .param("version", String.valueOf(config.current().version())))
                .andExpect(redirectedUrl("/notification/webhook"));
    }

    /** Urges a task of a fresh recipient and answers the delivery the notice became. */
    UUID urge(String number) {
        UUID user = UUID.randomUUID();
        tx.executeWithoutResult(s -> events.publishEvent(new TaskUrged(UUID.randomUUID(), number, "Repair the lamp",
                "330109107001001", UUID.randomUUID(), user, "Residents keep calling", UUID.randomUUID(), Set.of(user),
                Instant.now())));
        await().atMost(Duration.ofSeconds(15)).until(() -> !inbox.list(user, false, null, 1).isEmpty());
        return deliveries.ofInbox(inbox.list(user, false, null, 1).get(0).id()).orElseThrow();
    }

    @Test
    void aGatewayThatFailsTwiceGetsTheSignedDeliveryOnTheThirdAttemptAfterDoublingWaits() throws Exception {
        configure(true, SECRET, "5", "1");
        failuresLeft.set(2);

        UUID delivery = urge("RW20261204-0077");

        await().atMost(Duration.ofSeconds(20)).until(() ->
                deliveries.find(delivery).orElseThrow().status() == Deliveries.Status.DELIVERED);
        Deliveries.Row row = deliveries.find(delivery).orElseThrow();
        assertThat(row.attempts()).isEqualTo(3);
        assertThat(row.deliveredAt()).isNotNull();
        assertThat(row.nextAttemptAt()).isNull();

        List<Deliveries.Attempt> attempts = deliveries.attempts(delivery);
        assertThat(attempts).extracting(Deliveries.Attempt::statusCode).containsExactly(503, 503, 200);
        assertThat(attempts).extracting(Deliveries.Attempt::url).containsOnly(gatewayUrl());
        // backoff 1 s, then 2 s (plus at most a poll interval and the time of a request)
        Duration firstWait = Duration.between(attempts.get(0).at(), attempts.get(1).at());
        Duration secondWait = Duration.between(attempts.get(1).at(), attempts.get(2).at());
        assertThat(firstWait).isBetween(Duration.ofSeconds(1), Duration.ofMillis(3500));
        assertThat(secondWait).isBetween(Duration.ofSeconds(2), Duration.ofMillis(4500));
        assertThat(secondWait).isGreaterThan(firstWait);

        // what the gateway saw: three posts of one delivery, each signed over timestamp and body
        List<Received> mine = received.stream().filter(r -> r.body().contains(delivery.toString())).toList();
        assertThat(mine).hasSize(3);
        for (Received r : mine) {
            String timestamp = r.headers().get("X-linyunzhi-timestamp").get(0);
            assertThat(r.headers().get("X-linyunzhi-signature"))
                    .containsExactly("sha256=" + hmac(SECRET, timestamp + "." + r.body()));
            assertThat(r.headers().get("X-linyunzhi-delivery")).containsExactly(delivery.toString());
            assertThat(r.headers().get("Content-type").get(0)).startsWith("application/json");
        }
        String body = mine.get(0).body();
        assertThat(JsonPath.<String>read(body, "$.kind")).isEqualTo("TASK_URGED");
        assertThat(JsonPath.<String>read(body, "$.subject.number")).isEqualTo("RW20261204-0077");
        assertThat(JsonPath.<String>read(body, "$.text")).isEqualTo("任务督办：RW20261204-0077 Repair the lamp（Residents keep calling）");
    }

    @Test
    void aDeliveryThatKeepsFailingIsShownFailedAndRetryNowSendsItAgain() throws Exception {
        configure(true, "", "2", "1");
        failuresLeft.set(1_000);

        UUID delivery = urge("RW20261204-0078");

        await().atMost(Duration.ofSeconds(15)).until(() ->
                deliveries.find(delivery).orElseThrow().status() == Deliveries.Status.FAILED);
        assertThat(deliveries.find(delivery).orElseThrow()).satisfies(d -> {
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.lastStatus()).isEqualTo(503);
            assertThat(d.lastError()).isEqualTo("HTTP 503");
        });
        // unsigned without a secret
        assertThat(received.stream().filter(r -> r.body().contains(delivery.toString())))
                .allSatisfy(r -> assertThat(r.headers()).doesNotContainKey("X-linyunzhi-signature"));

        String page = mvc.perform(get("/notification/webhook").param("status", "FAILED").with(as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("推送失败", "HTTP 503", "RW20261204-0078", "/notification/webhook/deliveries/" + delivery);
        String detail = mvc.perform(get("/notification/webhook/deliveries/{id}", delivery).with(as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("立即重试", "503", gatewayUrl());

        failuresLeft.set(0);
        mvc.perform(post("/notification/webhook/deliveries/{id}/retry", delivery).with(as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/notification/webhook/deliveries/" + delivery));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                deliveries.find(delivery).orElseThrow().status() == Deliveries.Status.DELIVERED);
        assertThat(deliveries.attempts(delivery)).extracting(Deliveries.Attempt::statusCode).containsExactly(503, 503, 200);

        // a delivered one is not retried
        mvc.perform(post("/notification/webhook/deliveries/{id}/retry", delivery).with(as(admin)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void badSettingsAreRefusedBesideTheirFieldsAndNothingIsSaved() throws Exception {
        WebhookSettings before = config.current();
        String page = mvc.perform(post("/notification/webhook").with(as(admin)).with(csrf())
                        .param("enabled", "true").param("url", "ftp://gateway.example/sms").param("secret", "short")
                        .param("maxAttempts", "0").param("backoffSeconds", "soon")
                        .param("version", String.valueOf(before.version())))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("请输入以 http:// 或 https:// 开头的完整地址", "密钥长度应为 16 到 200 个字符",
                "请输入 1 到 20 之间的整数", "请输入 1 到 3600 之间的整数", "value=\"ftp://gateway.example/sms\"")
                .doesNotContain("value=\"short\""); // a secret is never written back into the page
        mvc.perform(post("/notification/webhook").with(as(admin)).with(csrf())
                        .param("enabled", "true").param("url", "").param("maxAttempts", "3").param("backoffSeconds", "10")
                        .param("version", String.valueOf(before.version())))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/notification/webhook").with(as(admin)).with(csrf())
                        .param("enabled", "false").param("url", gatewayUrl()).param("maxAttempts", "3")
                        .param("backoffSeconds", "10").param("version", String.valueOf(before.version() - 1)))
                .andExpect(status().isConflict());
        assertThat(config.current()).isEqualTo(before);

        mvc.perform(get("/notification/webhook").with(as(AsUser.user("no-webhook", DataScope.all()))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/notification/webhook").with(as(AsUser.user("viewer", DataScope.all(), "notification:webhook:view")))
                        .with(csrf()).param("enabled", "false"))
                .andExpect(status().isForbidden());
    }

    @Test
    void backoffDoublesAndIsCapped() {
        assertThat(Backoff.after(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(2, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(60));
        assertThat(Backoff.after(5, Duration.ofSeconds(30))).isEqualTo(Duration.ofMinutes(8));
        assertThat(Backoff.after(50, Duration.ofSeconds(30))).isEqualTo(Backoff.CAP);
    }

    static String hmac(String secret, String text) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}

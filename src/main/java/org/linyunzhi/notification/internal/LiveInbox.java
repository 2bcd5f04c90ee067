package org.linyunzhi.notification.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live inbox updates over server-sent events. Each node keeps the streams of the users connected
 * to it and, once a second ({@link NotificationTimers}), reads from the database the inbox rows created since its last look
 * for those users; so a notice filed on any node reaches a reader on any node, and no node holds
 * work another needs. Each poll reaches back {@code lookBack} before the previous one, because a
 * row's time is taken at its insert and a slow transaction may commit after the poll that should
 * have seen it; rows pushed already are remembered for that window and not pushed twice.
 */
@Component
class LiveInbox {

    private static final Logger log = LoggerFactory.getLogger(LiveInbox.class);

    /** One open stream: a browser tab of a signed-in user, in that user's language. */
    record Subscriber(UUID userId, Locale locale, SseEmitter emitter) {
    }

    private final Map<UUID, Set<Subscriber>> byUser = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> pushed = new ConcurrentHashMap<>();
    private final Inbox inbox;
    private final NoticeText text;
    private final NotificationProperties.Live settings;
    private volatile Instant lastPoll;

    LiveInbox(Inbox inbox, NoticeText text, NotificationProperties properties) {
        this.inbox = inbox;
        this.text = text;
        this.settings = properties.live();
    }

    /** Opens a stream and sends the unread count at once, so a reconnected page is right again. */
    SseEmitter subscribe(UUID userId, Locale locale) {
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        Subscriber subscriber = new Subscriber(userId, locale, emitter);
        byUser.computeIfAbsent(userId, u -> ConcurrentHashMap.newKeySet()).add(subscriber);
        emitter.onCompletion(() -> remove(subscriber));
        emitter.onTimeout(() -> remove(subscriber));
        emitter.onError(e -> remove(subscriber));
        send(subscriber, SseEmitter.event().name("hello").data(Map.of("unread", inbox.unreadCount(userId)),
                MediaType.APPLICATION_JSON));
        return emitter;
    }

    int connections() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    void poll() {
        Instant now = inbox.databaseNow();
        Instant since = lastPoll == null ? now : lastPoll.minus(settings.lookBack());
        lastPoll = now;
        pushed.values().removeIf(created -> created.isBefore(since));
        if (byUser.isEmpty()) {
            return;
        }
        List<InboxEntry> fresh = new ArrayList<>();
        for (InboxEntry entry : inbox.createdSince(since, byUser.keySet())) {
            if (pushed.putIfAbsent(entry.id(), entry.createdAt()) == null) {
                fresh.add(entry);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        Map<UUID, Long> unread = inbox.unreadCounts(fresh.stream().map(InboxEntry::userId).distinct().toList());
        for (InboxEntry entry : fresh) {
            for (Subscriber s : byUser.getOrDefault(entry.userId(), Set.of())) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("id", entry.id());
                data.put("kind", entry.kind().name());
                data.put("title", text.sentence(entry, s.locale()));
                data.put("link", entry.link());
                data.put("urgent", entry.kind().urgent());
                data.put("unread", unread.getOrDefault(entry.userId(), 0L));
                send(s, SseEmitter.event().name("notification").id(entry.id().toString())
                        .data(data, MediaType.APPLICATION_JSON));
            }
        }
    }

    /** A comment line now and then keeps proxies and load balancers from closing a quiet stream. */
    void heartbeat() {
        byUser.values().forEach(set -> set.forEach(s -> send(s, SseEmitter.event().comment("keep-alive"))));
    }

    /**
     * Ends every stream of this node, before the web server's graceful shutdown (which would
     * otherwise wait for these never-ending requests); browsers reconnect, to another node.
     */
    void closeAll() {
        byUser.values().forEach(set -> set.forEach(s -> s.emitter().complete()));
        byUser.clear();
    }

    private void send(Subscriber s, SseEmitter.SseEventBuilder event) {
        try {
            s.emitter().send(event);
        } catch (IOException | IllegalStateException gone) {
            // the browser went away; its stream is closed and forgotten
            log.debug("Live stream of {} closed: {}", s.userId(), gone.toString());
            remove(s);
            s.emitter().completeWithError(gone);
        }
    }

    private void remove(Subscriber s) {
        byUser.computeIfPresent(s.userId(), (u, set) -> {
            set.remove(s);
            return set.isEmpty() ? null : set;
        });
    }
}

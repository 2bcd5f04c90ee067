package org.linyunzhi.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** /api/notification/inbox: the caller's own notifications, their unread count and read marks. */
@RestController
@RequestMapping("/api/notification/inbox")
class InboxApiController {

    static final int MAX_LIMIT = 100;

    private final Inbox inbox;
    private final NoticeText text;
    private final Clock clock;

    InboxApiController(Inbox inbox, NoticeText text, ObjectProvider<Clock> clock) {
        this.inbox = inbox;
        this.text = text;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    record Notification(UUID id, String kind, String title, String text, String subjectType, UUID subjectId,
                        String subjectNumber, String detail, String link, Instant occurredAt, Instant createdAt,
                        Instant readAt) {
    }

    record Page(long unread, List<Notification> items, String nextBefore) {
    }

    @GetMapping
    Page list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) String before,
              @RequestParam(defaultValue = "30") int limit, Locale locale) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be from 1 to " + MAX_LIMIT + ", was " + limit);
        }
        UUID me = CurrentUser.require().id();
        List<InboxEntry> rows = inbox.list(me, unread, InboxPages.parseBefore(before), limit);
        List<Notification> items = rows.stream().map(e -> new Notification(e.id(), e.kind().name(), text.title(e, locale),
                text.sentence(e, locale), e.subjectType(), e.subjectId(), e.subjectNumber(), e.detail(), e.link(),
                e.occurredAt(), e.createdAt(), e.readAt())).toList();
        return new Page(inbox.unreadCount(me), items,
                rows.size() < limit ? null : rows.get(rows.size() - 1).createdAt().toString());
    }

    @GetMapping("/unread-count")
    Map<String, Long> unreadCount() {
        return Map.of("unread", inbox.unreadCount(CurrentUser.require().id()));
    }

    @PostMapping("/{id}/read")
    @Audited("notification.audit.read")
    ResponseEntity<Void> read(@PathVariable UUID id) {
        if (!inbox.markRead(CurrentUser.require().id(), id, clock.instant())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no notification " + id + " in your inbox");
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    @Audited("notification.audit.readAll")
    Map<String, Integer> readAll() {
        return Map.of("marked", inbox.markAllRead(CurrentUser.require().id(), clock.instant()));
    }
}

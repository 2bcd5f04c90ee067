package org.linyunzhi.notification.internal;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The signed-in user's inbox (a phone-first list), its read marks, and the live stream that keeps
 * the badge and the list current. Everybody signed in has an inbox; nobody sees another's.
 */
@Controller
@RequestMapping("/notification")
class InboxPages {

    static final String INBOX = "notification/inbox";
    static final int PAGE = 30;

    private final Inbox inbox;
    private final NoticeText text;
    private final LiveInbox live;
    private final Clock clock;

    InboxPages(Inbox inbox, NoticeText text, LiveInbox live, ObjectProvider<Clock> clock) {
        this.inbox = inbox;
        this.text = text;
        this.live = live;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** An inbox row as the page shows it. */
    record Item(InboxEntry entry, String title, String kind) {
    }

    @GetMapping("/inbox")
    String inbox(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) String before,
                 HtmxRequest htmx, Model model, Locale locale) {
        CurrentUser me = CurrentUser.require();
        Instant cursor = parseBefore(before);
        List<InboxEntry> rows = inbox.list(me.id(), unread, cursor, PAGE);
        model.addAttribute("items", rows.stream().map(e -> new Item(e, text.title(e, locale),
                text.kindLabel(e.kind(), locale))).toList());
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("unreadCount", inbox.unreadCount(me.id()));
        model.addAttribute("olderCursor", rows.size() < PAGE ? null : rows.get(rows.size() - 1).createdAt().toString());
        return htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() ? INBOX + " :: list" : INBOX;
    }

    /** Opens what the notification is about, marking it read on the way. */
    @PostMapping("/inbox/{id}/open")
    @Audited("notification.audit.open")
    String open(@PathVariable UUID id) {
        CurrentUser me = CurrentUser.require();
        InboxEntry entry = inbox.find(me.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        inbox.markRead(me.id(), id, clock.instant());
        String link = entry.link();
        // only a path of this site: a stored link never sends anybody elsewhere
        return "redirect:" + (link != null && link.startsWith("/") && !link.startsWith("//") ? link : "/notification/inbox");
    }

    @PostMapping("/inbox/{id}/read")
    @Audited("notification.audit.read")
    String read(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean unread, HtmxRequest htmx,
                Model model, Locale locale) {
        CurrentUser me = CurrentUser.require();
        if (!inbox.markRead(me.id(), id, clock.instant())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (htmx.isHtmxRequest()) {
            return inbox(unread, null, htmx, model, locale);
        }
        return "redirect:/notification/inbox" + (unread ? "?unread=true" : "");
    }

    @PostMapping("/inbox/read-all")
    @Audited("notification.audit.readAll")
    String readAll() {
        inbox.markAllRead(CurrentUser.require().id(), clock.instant());
        return "redirect:/notification/inbox";
    }

    /** The live stream of the signed-in user: {@code hello} with the unread count, then {@code notification}s. */
    @GetMapping(path = "/stream", produces = "text/event-stream")
    SseEmitter stream(Locale locale) {
        return live.subscribe(CurrentUser.require().id(), locale);
    }

    static Instant parseBefore(String before) {
        try {
            return before == null || before.isBlank() ? null : Instant.parse(before.strip());
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "before must be an ISO-8601 instant, was " + before);
        }
    }
}

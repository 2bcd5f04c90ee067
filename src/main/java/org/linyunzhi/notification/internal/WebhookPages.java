package org.linyunzhi.notification.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The webhook's page: its settings, the recent deliveries with their status, attempts and last
 * error, and "retry now" for a failed one; one delivery's attempts in full.
 */
@Controller
@RequestMapping("/notification/webhook")
class WebhookPages {

    static final String PAGE = "notification/webhook";
    static final String DELIVERY = "notification/delivery";
    static final int RECENT = 50;

    private final WebhookConfig config;
    private final Deliveries deliveries;
    private final NoticeText text;
    private final MessageSource messages;
    private final Clock clock;

    WebhookPages(WebhookConfig config, Deliveries deliveries, NoticeText text, MessageSource messages,
                 ObjectProvider<Clock> clock) {
        this.config = config;
        this.deliveries = deliveries;
        this.text = text;
        this.messages = messages;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** The settings form as typed (or as stored); the secret itself is never sent back to the browser. */
    record Form(boolean enabled, String url, boolean secretSet, String maxAttempts, String backoffSeconds, int version) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('notification:webhook:view')")
    String page(@RequestParam(required = false) String status, Model model, Locale locale) {
        WebhookSettings s = config.current();
        return page(new Form(s.enabled(), s.url(), s.signed(), String.valueOf(s.maxAttempts()),
                String.valueOf(s.backoffSeconds()), s.version()), Map.of(), status, model, locale);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('notification:webhook:edit')")
    @Audited("notification.audit.webhookEdit")
    String save(@RequestParam(defaultValue = "false") boolean enabled, @RequestParam(defaultValue = "") String url,
                @RequestParam(defaultValue = "") String secret, @RequestParam(defaultValue = "false") boolean clearSecret,
                @RequestParam(defaultValue = "") String maxAttempts, @RequestParam(defaultValue = "") String backoffSeconds,
                @RequestParam(required = false) Integer version, Model model, HttpServletResponse response,
                RedirectAttributes flash, Locale locale) {
        WebhookConfig.Edit edit = new WebhookConfig.Edit(enabled, url, secret, clearSecret, maxAttempts, backoffSeconds, version);
        Map<String, Object[]> problems = WebhookConfig.problems(edit);
        WebhookSettings current = config.current();
        Form typed = new Form(enabled, url, current.signed(), maxAttempts, backoffSeconds,
                version == null ? current.version() : version);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, String> errors = new LinkedHashMap<>();
            problems.forEach((field, key) -> errors.put(field, messages.getMessage((String) key[0],
                    java.util.Arrays.copyOfRange(key, 1, key.length), locale)));
            return page(typed, errors, null, model, locale);
        }
        if (!config.save(edit, CurrentUser.require().username(), clock.instant())) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", true);
            return page((String) null, model, locale);
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/notification/webhook";
    }

    @PostMapping("/deliveries/{id}/retry")
    @PreAuthorize("hasAuthority('notification:webhook:edit')")
    @Audited("notification.audit.retry")
    String retry(@PathVariable UUID id, RedirectAttributes flash) {
        if (!deliveries.retryNow(id, clock.instant())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no delivery " + id + " waiting or failed");
        }
        flash.addFlashAttribute("retried", true);
        return "redirect:/notification/webhook/deliveries/" + id;
    }

    @GetMapping("/deliveries/{id}")
    @PreAuthorize("hasAuthority('notification:webhook:view')")
    String delivery(@PathVariable UUID id, Model model, Locale locale) {
        Deliveries.Row row = deliveries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("d", row);
        model.addAttribute("kind", text.kindLabel(row.kind(), locale));
        model.addAttribute("attempts", deliveries.attempts(id));
        model.addAttribute("zone", InboxEntry.TOWN_TIME);
        return DELIVERY;
    }

    private String page(Form form, Map<String, String> errors, String status, Model model, Locale locale) {
        Deliveries.Status filter = null;
        if (status != null && !status.isBlank()) {
            try {
                filter = Deliveries.Status.valueOf(status.strip());
            } catch (IllegalArgumentException unknown) {
                model.addAttribute("badStatus", status);
            }
        }
        WebhookSettings s = config.current();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("settings", s);
        model.addAttribute("statuses", Deliveries.Status.values());
        model.addAttribute("status", filter);
        Map<Deliveries.Status, Long> counts = deliveries.counts();
        model.addAttribute("counts", counts);
        model.addAttribute("pending", counts.get(Deliveries.Status.PENDING));
        model.addAttribute("deliveries", deliveries.recent(filter, RECENT));
        model.addAttribute("kinds", java.util.Arrays.stream(NotificationKind.values())
                .collect(java.util.stream.Collectors.toMap(k -> k, k -> text.kindLabel(k, locale))));
        model.addAttribute("zone", InboxEntry.TOWN_TIME);
        return PAGE;
    }
}

package org.linyunzhi.audit.internal;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/** The operation-log pages: the filtered list, one row in full, and the chain verification. */
@Controller
@RequestMapping("/audit")
class OperationLogController {

    static final String LIST = "audit/operations";
    static final String DETAIL = "audit/operation";
    static final String VERIFY = "audit/verify";
    static final int PAGE_SIZE = 20;

    private final OperationSearch search;
    private final ChainVerifier verifier;
    private final MessageSource messages;

    OperationLogController(OperationSearch search, ChainVerifier verifier, MessageSource messages) {
        this.search = search;
        this.verifier = verifier;
        this.messages = messages;
    }

    /** A row as a page shows it: in town time, under its readable title. */
    record OperationView(LogRow row, OperationEntry entry, ZonedDateTime at, String title) {
    }

    /**
     * The filter as typed. All text, so binding never fails: a date or outcome that does not
     * parse is shown back, flagged and ignored rather than answered with an error page.
     */
    record FilterForm(String user, String action, String outcome, String from, String to) {

        OperationSearch.Filter toFilter() {
            return new OperationSearch.Filter(user, action, parsedOutcome(), date(from), date(to));
        }

        boolean hasInvalid() {
            return (hasText(outcome) && parsedOutcome() == null) || (hasText(from) && date(from) == null)
                    || (hasText(to) && date(to) == null);
        }

        private OperationSearch.Outcome parsedOutcome() {
            try {
                return hasText(outcome) ? OperationSearch.Outcome.valueOf(outcome) : null;
            } catch (IllegalArgumentException unknown) {
                return null;
            }
        }

        private static LocalDate date(String text) {
            try {
                return hasText(text) ? LocalDate.parse(text.strip()) : null;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }

        private static boolean hasText(String s) {
            return s != null && !s.isBlank();
        }
    }

    @GetMapping("/operations")
    @PreAuthorize("hasAuthority('audit:log:view')")
    String list(@ModelAttribute("filter") FilterForm form, @RequestParam(required = false) Long before,
                @RequestParam(required = false) Long after, HtmxRequest htmx, Model model, Locale locale) {
        OperationSearch.Filter filter = form.toFilter();
        OperationSearch.Page page = search.find(filter, before, after, PAGE_SIZE);
        model.addAttribute("rows", page.rows().stream().map(r -> view(r, locale)).toList());
        model.addAttribute("newerUrl", page.newer() == null ? null : pageUrl(filter, "after", page.newer()));
        model.addAttribute("olderUrl", page.older() == null ? null : pageUrl(filter, "before", page.older()));
        model.addAttribute("outcomes", OperationSearch.Outcome.values());
        model.addAttribute("filterInvalid", form.hasInvalid());
        return htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() ? LIST + " :: table" : LIST;
    }

    @GetMapping("/operations/{seq}")
    @PreAuthorize("hasAuthority('audit:log:view')")
    String detail(@PathVariable long seq, Model model, Locale locale) {
        LogRow row = search.find(seq).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "operation log row " + seq + " does not exist"));
        model.addAttribute("v", view(row, locale));
        return DETAIL;
    }

    @GetMapping("/verify")
    @PreAuthorize("hasAuthority('audit:log:verify')")
    String verify(@RequestParam(defaultValue = "false") boolean run, HtmxRequest htmx, Model model) {
        if (run) {
            model.addAttribute("report", verifier.verify());
        }
        return run && htmx.isHtmxRequest() ? VERIFY + " :: result" : VERIFY;
    }

    private OperationView view(LogRow row, Locale locale) {
        OperationEntry e = row.entry();
        String title = e.title() != null ? messages.getMessage(e.title(), null, e.title(), locale) : e.action();
        return new OperationView(row, e, e.occurredAt().atZone(OperationSearch.TOWN_TIME), title);
    }

    private static String pageUrl(OperationSearch.Filter f, String direction, long seq) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("user", f.user());
        query.put("action", f.action());
        query.put("outcome", f.outcome());
        query.put("from", f.from());
        query.put("to", f.to());
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/audit/operations");
        query.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                url.queryParam(name, value);
            }
        });
        return url.queryParam(direction, seq).encode().build().toUriString();
    }
}

package org.linyunzhi.audit.internal;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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

    @GetMapping("/operations")
    @PreAuthorize("hasAuthority('audit:log:view')")
    String list(@ModelAttribute("filter") OperationSearch.Filter filter, BindingResult binding,
                @RequestParam(required = false) Long before, @RequestParam(required = false) Long after,
                HtmxRequest htmx, Model model, Locale locale) {
        // a filter field that did not parse is shown as an error and ignored, not answered with a 400 page
        OperationSearch.Filter usable = binding.hasErrors() ? usable(filter, binding) : filter;
        OperationSearch.Page page = search.find(usable, before, after, PAGE_SIZE);
        model.addAttribute("rows", page.rows().stream().map(r -> view(r, locale)).toList());
        model.addAttribute("newerUrl", page.newer() == null ? null : pageUrl(filter, "after", page.newer()));
        model.addAttribute("olderUrl", page.older() == null ? null : pageUrl(filter, "before", page.older()));
        model.addAttribute("outcomes", OperationSearch.Outcome.values());
        model.addAttribute("filterInvalid", binding.hasErrors());
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

    private static OperationSearch.Filter usable(OperationSearch.Filter f, BindingResult binding) {
        return new OperationSearch.Filter(f.user(), f.action(),
                binding.hasFieldErrors("outcome") ? null : f.outcome(),
                binding.hasFieldErrors("from") ? null : f.from(),
                binding.hasFieldErrors("to") ? null : f.to());
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

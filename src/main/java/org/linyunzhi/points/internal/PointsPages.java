package org.linyunzhi.points.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
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
import tools.jackson.databind.json.JsonMapper;

/** The points pages: leaderboards, a person's history, "my points" and the rules. */
@Controller
@RequestMapping("/points")
class PointsPages {

    static final String LEADERBOARD = "points/leaderboard";
    static final String PERSON = "points/person";
    static final String RULES = "points/rules";
    static final int TOP = 20;
    static final int HISTORY_PAGE = 20;

    private final Areas areas;
    private final Boards boards;
    private final Ledger ledger;
    private final PointsRules rules;
    private final RuleEditing editing;
    private final HolderNames names;
    private final EntryViews entryViews;
    private final MessageSource messages;
    private final JsonMapper json;

    PointsPages(Areas areas, Boards boards, Ledger ledger, PointsRules rules, RuleEditing editing,
                HolderNames names, EntryViews entryViews, MessageSource messages, JsonMapper json) {
        this.areas = areas;
        this.boards = boards;
        this.ledger = ledger;
        this.rules = rules;
        this.editing = editing;
        this.names = names;
        this.entryViews = entryViews;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/leaderboard")
    @PreAuthorize("hasAuthority('points:view')")
    String leaderboard(@RequestParam(required = false) String area, @RequestParam(required = false) String period,
                       Model model, HttpServletResponse response, Locale locale) {
        DataScope scope = CurrentUser.require().scope();
        Period p = Period.parse(period);
        List<String> problems = new ArrayList<>();
        if (p == null) {
            problems.add(messages.getMessage("points.error.period", new Object[] {period}, locale));
            p = Period.ALL;
        }
        Areas.Area shown;
        try {
            shown = areas.resolve(area, scope).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "no area " + area + " in your scope"));
        } catch (Areas.BadArea bad) {
            problems.add(messages.getMessage("points.error.area", new Object[] {area}, locale));
            shown = areas.resolve(null, scope).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        Boards.Board board = boards.of(shown, scope, p, TOP);
        // people the roster does not name are shown by a short id
        List<Boards.Person> people = board.people().stream().map(x -> x.name() != null ? x
                : new Boards.Person(x.rank(), x.holder(), unnamed(x.holder(), locale), x.points(), x.entries())).toList();
        model.addAttribute("area", shown.node());
        model.addAttribute("path", areas.path(shown.node(), scope));
        model.addAttribute("period", p);
        model.addAttribute("periods", Period.values());
        model.addAttribute("people", people);
        model.addAttribute("children", board.children());
        model.addAttribute("childLevel", childLevel(shown));
        model.addAttribute("total", board.total());
        model.addAttribute("chart", chart(board.children()));
        model.addAttribute("problems", problems);
        return LEADERBOARD;
    }

    @GetMapping("/people/{holder}")
    @PreAuthorize("hasAuthority('points:view')")
    String person(@PathVariable UUID holder, @RequestParam(required = false) Long before, Model model, Locale locale) {
        DataScope scope = CurrentUser.require().scope();
        List<LedgerEntry> entries = ledger.history(holder, scope, before, HISTORY_PAGE);
        if (entries.isEmpty() && before == null) {
            // nobody with entries in the viewer's part of town: as good as nonexistent
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no points of " + holder + " in your scope");
        }
        String name = names.of(List.of(holder)).getOrDefault(holder, unnamed(holder, locale));
        return history(model, name, ledger.balance(holder, scope), entries, "/points/people/" + holder, false, locale);
    }

    /** Anybody signed in sees their own points: the entries credited to their account. */
    @GetMapping("/me")
    String mine(@RequestParam(required = false) Long before, Model model, Locale locale) {
        CurrentUser me = CurrentUser.require();
        List<LedgerEntry> entries = ledger.historyOfUser(me.id(), before, HISTORY_PAGE);
        return history(model, me.displayName(), ledger.balanceOfUser(me.id()), entries, "/points/me", true, locale);
    }

    @GetMapping("/rules")
    @PreAuthorize("hasAuthority('points:view')")
    String rules(Model model) {
        RuleBook current = rules.current();
        return rulesPage(model, fields(current), Map.of(), current.version());
    }

    @PostMapping("/rules")
    @PreAuthorize("hasAuthority('points:rules:edit')")
    @Audited("points.rules.edit")
    String saveRules(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                     RedirectAttributes flash, Locale locale) {
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.remove("_csrf");
        Integer version = parseVersion(typed.remove("version"));
        RuleEditing.Outcome outcome = editing.edit(typed, version, CurrentUser.require());
        switch (outcome.status()) {
            case SAVED -> {
                flash.addFlashAttribute("saved", true);
                return "redirect:/points/rules";
            }
            case CONFLICT -> {
                // show the rules now in force; what the user typed is lost only after they read why
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("conflict", true);
                return rulesPage(model, fields(outcome.rules()), Map.of(), outcome.rules().version());
            }
            default -> {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                Map<String, String> errors = new LinkedHashMap<>();
                outcome.problems().forEach(p -> errors.putIfAbsent(p.field(),
                        messages.getMessage(p.messageKey(), p.args(), locale)));
                // every field as the user typed it, over the rules in force for any the form did not send
                Map<String, String> shown = fields(rules.current());
                shown.putAll(typed);
                return rulesPage(model, shown, errors, version == null ? rules.current().version() : version);
            }
        }
    }

    private String rulesPage(Model model, Map<String, String> values, Map<String, String> errors, int version) {
        model.addAttribute("types", TaskType.values());
        model.addAttribute("priorities", TaskPriority.values());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("version", version);
        model.addAttribute("changed", rules.lastChange());
        return RULES;
    }

    /** The rules as the form's text fields. */
    static Map<String, String> fields(RuleBook book) {
        Map<String, String> values = new LinkedHashMap<>();
        for (TaskType type : TaskType.values()) {
            for (TaskPriority priority : TaskPriority.values()) {
                values.put(RuleChange.approvalField(type, priority), String.valueOf(book.approvalPoints(type, priority)));
            }
        }
        values.put(RuleChange.EARLY_BONUS, String.valueOf(book.early().points()));
        values.put(RuleChange.EARLY_HOURS, book.early().minHours() == null ? "" : book.early().minHours().toString());
        values.put(RuleChange.EARLY_PERCENT, book.early().minPercent() == null ? "" : book.early().minPercent().toString());
        values.put(RuleChange.OVERDUE, String.valueOf(book.overdueDeduction()));
        return values;
    }

    private String history(Model model, String name, long balance, List<LedgerEntry> entries, String path,
                           boolean mine, Locale locale) {
        model.addAttribute("name", name);
        model.addAttribute("balance", balance);
        model.addAttribute("entries", entryViews.of(entries, locale));
        model.addAttribute("mine", mine);
        model.addAttribute("olderUrl", entries.size() < HISTORY_PAGE ? null
                : path + "?before=" + entries.get(entries.size() - 1).seq());
        return PERSON;
    }

    private String childLevel(Areas.Area a) {
        return switch (a.node().level()) {
            case TOWN -> "VILLAGE";
            case VILLAGE -> "GRID";
            default -> "MICRO_GRID";
        };
    }

    /** The bar chart's data, read by the page script from a data attribute (no inline scripts). */
    private String chart(List<Boards.AreaTotal> children) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("names", children.stream().map(Boards.AreaTotal::name).toList());
        data.put("values", children.stream().map(Boards.AreaTotal::points).toList());
        return json.writeValueAsString(data);
    }

    private String unnamed(UUID holder, Locale locale) {
        return messages.getMessage("points.unnamed", new Object[] {HolderNames.shortId(holder)}, locale);
    }

    private static Integer parseVersion(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1; // a tampered version can only conflict
        }
    }
}

package org.linyunzhi.points.internal;

import java.net.URI;
import java.time.Instant;
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
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/points: leaderboards, a person's entries, one's own points and the rules, as JSON. Bad input
 * answers 400 problem details naming the parameter or field; areas and people outside the caller's
 * data scope answer 404.
 */
@RestController
@RequestMapping("/api/points")
class PointsApiController {

    static final int MAX_LIMIT = 100;

    private final Areas areas;
    private final Boards boards;
    private final Ledger ledger;
    private final PointsRules rules;
    private final RuleEditing editing;
    private final HolderNames names;
    private final EntryViews entryViews;
    private final MessageSource messages;

    PointsApiController(Areas areas, Boards boards, Ledger ledger, PointsRules rules, RuleEditing editing,
                        HolderNames names, EntryViews entryViews, MessageSource messages) {
        this.areas = areas;
        this.boards = boards;
        this.ledger = ledger;
        this.rules = rules;
        this.editing = editing;
        this.names = names;
        this.entryViews = entryViews;
        this.messages = messages;
    }

    record Leaderboard(String area, String areaName, String level, String period, long total,
                       List<Boards.Person> people, List<Boards.AreaTotal> children) {
    }

    record History(UUID holder, String name, long balance, List<EntryViews.EntryView> entries, Long nextBefore) {
    }

    record Rules(int version, Map<TaskType, Map<TaskPriority, Integer>> approval, int earlyBonusPoints,
                 Integer earlyMinHours, Integer earlyMinPercent, int overdueDeduction, Instant updatedAt,
                 String updatedBy) {
    }

    @GetMapping("/leaderboard")
    @PreAuthorize("hasAuthority('points:view')")
    Leaderboard leaderboard(@RequestParam(required = false) String area, @RequestParam(required = false) String period,
                            @RequestParam(defaultValue = "20") int limit, Locale locale) {
        DataScope scope = CurrentUser.require().scope();
        Period p = Period.parse(period);
        if (p == null) {
            throw badRequest("period", messages.getMessage("points.error.period", new Object[] {period}, locale), locale);
        }
        checkLimit(limit, locale);
        Areas.Area a;
        try {
            a = areas.resolve(area, scope).orElseThrow(() -> notFound(locale));
        } catch (Areas.BadArea bad) {
            throw badRequest("area", messages.getMessage("points.error.area", new Object[] {area}, locale), locale);
        }
        Boards.Board board = boards.of(a, scope, p, limit);
        return new Leaderboard(a.code(), a.node().name(), a.node().level().name(), p.name(), board.total(),
                board.people(), board.children());
    }

    @GetMapping("/people/{holder}")
    @PreAuthorize("hasAuthority('points:view')")
    History person(@PathVariable UUID holder, @RequestParam(required = false) Long before,
                   @RequestParam(defaultValue = "20") int limit, Locale locale) {
        checkLimit(limit, locale);
        DataScope scope = CurrentUser.require().scope();
        List<LedgerEntry> entries = ledger.history(holder, scope, before, limit);
        if (entries.isEmpty() && before == null) {
            throw notFound(locale);
        }
        return new History(holder, names.of(List.of(holder)).get(holder), ledger.balance(holder, scope),
                entryViews.of(entries, locale), nextBefore(entries, limit));
    }

    @GetMapping("/me")
    History mine(@RequestParam(required = false) Long before, @RequestParam(defaultValue = "20") int limit,
                 Locale locale) {
        checkLimit(limit, locale);
        CurrentUser me = CurrentUser.require();
        List<LedgerEntry> entries = ledger.historyOfUser(me.id(), before, limit);
        return new History(me.id(), me.displayName(), ledger.balanceOfUser(me.id()), entryViews.of(entries, locale),
                nextBefore(entries, limit));
    }

    @GetMapping("/rules")
    @PreAuthorize("hasAuthority('points:view')")
    Rules rules() {
        return rulesOf(rules.current());
    }

    /**
     * Changes some or all rules: {@code {"version": 3, "approval": {"PATROL": {"URGENT": 5}},
     * "overdueDeduction": 3}}. Fields left out keep their value; a version, when given, must be
     * the current one (409 otherwise).
     */
    @PutMapping("/rules")
    @PreAuthorize("hasAuthority('points:rules:edit')")
    @Audited("points.rules.edit")
    Rules editRules(@RequestBody Map<String, Object> body, Locale locale) {
        Map<String, String> typed = new LinkedHashMap<>();
        Integer version = null;
        for (Map.Entry<String, Object> field : body.entrySet()) {
            Object value = field.getValue();
            switch (field.getKey()) {
                case "version" -> version = value instanceof Integer v ? v : -1;
                case "approval" -> flattenApproval(value, typed, locale);
                default -> typed.put(field.getKey(), value == null ? "" : String.valueOf(value));
            }
        }
        RuleEditing.Outcome outcome = editing.edit(typed, version, CurrentUser.require());
        return switch (outcome.status()) {
            case SAVED -> rulesOf(outcome.rules());
            case CONFLICT -> throw problem(HttpStatus.CONFLICT, "points.api.conflict",
                    messages.getMessage("points.rules.conflict", null, locale), Map.of("version", outcome.rules().version()), locale);
            case REJECTED -> {
                List<Map<String, String>> errors = outcome.problems().stream().map(p -> Map.of("field", p.field(),
                        "message", messages.getMessage(p.messageKey(), p.args(), locale))).toList();
                RuleChange.Problem first = outcome.problems().get(0);
                throw problem(HttpStatus.BAD_REQUEST, "points.api.badInput",
                        first.field() + ": " + messages.getMessage(first.messageKey(), first.args(), locale),
                        Map.of("field", first.field(), "errors", errors), locale);
            }
        };
    }

    /** {"PATROL": {"URGENT": 5}} becomes the form field approval.PATROL.URGENT = "5". */
    private void flattenApproval(Object value, Map<String, String> typed, Locale locale) {
        if (!(value instanceof Map<?, ?> byType)) {
            throw badRequest("approval", messages.getMessage("points.rules.error.approvalShape", null, locale), locale);
        }
        byType.forEach((type, row) -> {
            if (!(row instanceof Map<?, ?> byPriority)) {
                throw badRequest("approval." + type, messages.getMessage("points.rules.error.approvalShape", null, locale), locale);
            }
            byPriority.forEach((priority, points) -> typed.put("approval." + type + "." + priority,
                    points == null ? "" : String.valueOf(points)));
        });
    }

    private Rules rulesOf(RuleBook book) {
        PointsRules.Changed changed = rules.lastChange();
        return new Rules(book.version(), book.approval(), book.early().points(), book.early().minHours(),
                book.early().minPercent(), book.overdueDeduction(), changed.at(), changed.by());
    }

    private void checkLimit(int limit, Locale locale) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw badRequest("limit", messages.getMessage("points.error.limit", new Object[] {String.valueOf(MAX_LIMIT)}, locale), locale);
        }
    }

    private static Long nextBefore(List<LedgerEntry> entries, int limit) {
        return entries.size() < limit ? null : entries.get(entries.size() - 1).seq();
    }

    private ErrorResponseException badRequest(String field, String detail, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, "points.api.badInput", detail, Map.of("field", field), locale);
    }

    private ErrorResponseException notFound(Locale locale) {
        return problem(HttpStatus.NOT_FOUND, "points.api.notFound", messages.getMessage("points.api.notFoundDetail", null,
                locale), Map.of(), locale);
    }

    private ErrorResponseException problem(HttpStatus status, String titleKey, String detail, Map<String, Object> properties,
                                           Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(messages.getMessage(titleKey, null, locale));
        problem.setType(URI.create("urn:linyunzhi:points:" + status.value()));
        properties.forEach(problem::setProperty);
        return new ErrorResponseException(status, problem, null);
    }
}

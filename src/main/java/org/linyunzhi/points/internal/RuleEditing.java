package org.linyunzhi.points.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** Checks and saves an edit of the rules, for the page and the API alike. */
@Service
class RuleEditing {

    private final PointsRules rules;
    private final Clock clock;

    RuleEditing(PointsRules rules, ObjectProvider<Clock> clock) {
        this.rules = rules;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    enum Status { SAVED, REJECTED, CONFLICT }

    record Outcome(Status status, RuleBook rules, List<RuleChange.Problem> problems) {
    }

    /**
     * @param expectedVersion the version the editor saw; null (API callers that do not care) means
     *                        "whatever is current"
     */
    Outcome edit(Map<String, String> typed, Integer expectedVersion, CurrentUser by) {
        RuleBook current = rules.current();
        RuleChange.Result result = RuleChange.apply(typed, current);
        if (!result.ok()) {
            return new Outcome(Status.REJECTED, result.rules(), result.problems());
        }
        int version = expectedVersion == null ? current.version() : expectedVersion;
        if (version != current.version() || !rules.replace(result.rules(), version, by.username(), clock.instant())) {
            return new Outcome(Status.CONFLICT, current, List.of());
        }
        return new Outcome(Status.SAVED, rules.current(), List.of());
    }
}

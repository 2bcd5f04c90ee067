package org.linyunzhi.hazard.internal.hazards;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A hazard operation the rules refuse, with a message key for the reader's language. A hazard
 * outside the actor's scope is "not found" (its existence is not disclosed), a missing permission
 * "forbidden", a move the state does not allow or a lost race "conflict".
 */
public class HazardRefused extends RuntimeException {

    public enum Kind { NOT_FOUND, FORBIDDEN, CONFLICT, BAD_INPUT, TOO_LARGE }

    final Kind kind;
    final String messageKey;
    final transient Object[] args;
    /** the input field at fault; may be null */
    final String field;

    HazardRefused(Kind kind, String messageKey, String field, Object... args) {
        super(messageKey + (field == null ? "" : " (" + field + ")"));
        this.kind = kind;
        this.messageKey = messageKey;
        this.field = field;
        this.args = args;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    static HazardRefused notFound() {
        return new HazardRefused(Kind.NOT_FOUND, "hazard.error.notFound", null);
    }

    static HazardRefused forbidden(String key) {
        return new HazardRefused(Kind.FORBIDDEN, key, null);
    }

    static HazardRefused badInput(String field, String key, Object... args) {
        return new HazardRefused(Kind.BAD_INPUT, key, field, args);
    }

    static HazardRefused notInState(HazardAction action, HazardStatus status) {
        return new HazardRefused(Kind.CONFLICT, "hazard.error.state", null, label("hazard.action." + action.name()),
                label("hazard.status." + status.name()));
    }

    static HazardRefused stale() {
        return new HazardRefused(Kind.CONFLICT, "hazard.error.stale", null);
    }

    static DefaultMessageSourceResolvable label(String key) {
        return new DefaultMessageSourceResolvable(new String[] {key}, key);
    }
}

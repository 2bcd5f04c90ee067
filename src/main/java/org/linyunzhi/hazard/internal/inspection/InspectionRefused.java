package org.linyunzhi.hazard.internal.inspection;

/**
 * An inspection request the rules refuse, with a message key for the reader's language. A campaign
 * or point outside the user's scope is "not found": its existence is not disclosed.
 */
class InspectionRefused extends RuntimeException {

    enum Kind { NOT_FOUND, BAD_INPUT, FORBIDDEN, TOO_LARGE }

    final Kind kind;
    final String messageKey;
    /** the input field at fault, for inline messages and problem details; may be null */
    final String field;
    final transient Object[] args;

    private InspectionRefused(Kind kind, String messageKey, String field, Object... args) {
        super(messageKey, null, false, false);
        this.kind = kind;
        this.messageKey = messageKey;
        this.field = field;
        this.args = args;
    }

    static InspectionRefused notFound(String what) {
        return new InspectionRefused(Kind.NOT_FOUND, "inspection.error.notFound." + what, null);
    }

    static InspectionRefused badInput(String field, String key, Object... args) {
        return new InspectionRefused(Kind.BAD_INPUT, key, field, args);
    }

    static InspectionRefused forbidden(String key) {
        return new InspectionRefused(Kind.FORBIDDEN, key, null);
    }

    static InspectionRefused tooLarge(String field, String key, Object... args) {
        return new InspectionRefused(Kind.TOO_LARGE, key, field, args);
    }
}

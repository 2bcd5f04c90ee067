package org.linyunzhi.grid.internal;

/**
 * A request the grid refuses: bad input (400, naming the field) or a rule the current state
 * forbids, such as a second grid head or an edit of a node someone changed meanwhile (409).
 * The message key is resolved in the caller's language.
 */
class GridRuleException extends RuntimeException {

    final String field;
    final String messageKey;
    final transient Object[] args;
    final boolean conflict;

    private GridRuleException(String field, String messageKey, boolean conflict, Object... args) {
        super(messageKey + (field == null ? "" : " (" + field + ")"));
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
        this.conflict = conflict;
    }

    static GridRuleException badInput(String field, String messageKey, Object... args) {
        return new GridRuleException(field, messageKey, false, args);
    }

    static GridRuleException conflict(String messageKey, Object... args) {
        return new GridRuleException(null, messageKey, true, args);
    }
}

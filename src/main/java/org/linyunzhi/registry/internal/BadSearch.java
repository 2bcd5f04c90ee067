package org.linyunzhi.registry.internal;

/** A list or search parameter that cannot be used: which one, and the message saying why. */
class BadSearch extends RuntimeException {

    final String field;
    final String messageKey;
    final transient Object[] args;

    BadSearch(String field, String messageKey, Object... args) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }
}

package org.linyunzhi.resource.internal;

/**
 * A resource operation refused, with a message key for the reader's language. It is an
 * IllegalArgumentException so that other modules calling {@link org.linyunzhi.resource.ResourceApi}
 * see the documented exception; the API and pages map its kind to 400, 404 or 409.
 */
class ResourceRefused extends IllegalArgumentException {

    enum Kind { BAD_INPUT, NOT_FOUND, CONFLICT }

    final Kind kind;
    final String messageKey;
    final transient Object[] args;
    /** the input field at fault, for inline messages and problem details; may be null */
    final String field;

    ResourceRefused(Kind kind, String messageKey, String field, Object... args) {
        super(messageKey + (field == null ? "" : " (" + field + ")"));
        this.kind = kind;
        this.messageKey = messageKey;
        this.field = field;
        this.args = args;
    }

    static ResourceRefused badInput(String field, String key, Object... args) {
        return new ResourceRefused(Kind.BAD_INPUT, key, field, args);
    }

    /** Missing or outside the reader's data scope: the two are not told apart. */
    static ResourceRefused notFound() {
        return new ResourceRefused(Kind.NOT_FOUND, "resource.error.notFound", null);
    }

    static ResourceRefused conflict(String key, Object... args) {
        return new ResourceRefused(Kind.CONFLICT, key, null, args);
    }
}

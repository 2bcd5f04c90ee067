package org.linyunzhi.registry.internal;

import org.springframework.http.HttpStatus;

/**
 * A whole file or request refused before any row is looked at (not an xlsx, too large, not the
 * template, an unknown department): the status to answer and the message saying why.
 */
class ImportRefused extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] args;

    ImportRefused(HttpStatus status, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
    }

    HttpStatus status() {
        return status;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args;
    }
}

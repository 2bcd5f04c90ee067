package org.linyunzhi.hazard.internal.onemap;

/**
 * A map request the one map refuses (400): names the parameter that is wrong, with a message key
 * resolved in the caller's language by {@link OneMapProblems}.
 */
class BadMapInput extends RuntimeException {

    final String parameter;
    final String messageKey;
    final transient Object[] args;

    BadMapInput(String parameter, String messageKey, Object... args) {
        super(messageKey + " (" + parameter + ")");
        this.parameter = parameter;
        this.messageKey = messageKey;
        this.args = args;
    }
}

package org.linyunzhi.web.internal.parameter;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.convert.DurationStyle;

/** The types a parameter may declare; each knows its valid values and their stored form. */
enum ParameterType {
    STRING, INT, DECIMAL, BOOL, DURATION;

    static final int MAX_LENGTH = 2000;

    /** The value as it will be stored, or empty when the text is not a value of this type. */
    Optional<String> normalise(String raw) {
        if (raw == null || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String text = raw.strip();
        try {
            return Optional.of(switch (this) {
                case STRING -> text;
                case INT -> Long.toString(Long.parseLong(text));
                case DECIMAL -> new BigDecimal(text).toPlainString();
                case BOOL -> bool(text);
                // ISO-8601 (PT4H) or the short form Spring uses in configuration (30m, 2d)
                case DURATION -> {
                    DurationStyle.detectAndParse(text);
                    yield text;
                }
            });
        } catch (IllegalArgumentException notThisType) {
            return Optional.empty();
        }
    }

    private static String bool(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
            throw new IllegalArgumentException("not a boolean: " + text);
        }
        return lower;
    }
}

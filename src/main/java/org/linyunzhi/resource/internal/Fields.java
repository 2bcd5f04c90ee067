package org.linyunzhi.resource.internal;

/** Checks of typed text shared by the resource forms and the API; each refusal names its field. */
final class Fields {

    private Fields() {
    }

    /** The trimmed text, refused when blank or longer than {@code max}. */
    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ResourceRefused.badInput(field, "resource.error.required");
        }
        return optional(field, value, max);
    }

    /** The trimmed text or null, refused when longer than {@code max}. */
    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max) {
            throw ResourceRefused.badInput(field, "resource.error.tooLong", max);
        }
        return clean;
    }

    /** A whole number from 0 up to {@code max}. */
    static int count(String field, Integer value, int max) {
        if (value == null) {
            throw ResourceRefused.badInput(field, "resource.error.required");
        }
        if (value < 0 || value > max) {
            throw ResourceRefused.badInput(field, "resource.error.range", 0, max);
        }
        return value;
    }

    /** A value of an enum by name, refused with the field when unknown. */
    static <E extends Enum<E>> E oneOf(String field, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            throw ResourceRefused.badInput(field, "resource.error.required");
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException unknown) {
            throw ResourceRefused.badInput(field, "resource.error.choice", value);
        }
    }

    /** A typed whole number, or null when nothing was typed; text that is no number is refused. */
    static Integer whole(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw ResourceRefused.badInput(field, "resource.error.whole", text);
        }
    }

    /** A typed decimal number (a coordinate), or null when nothing was typed. */
    static Double number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw ResourceRefused.badInput(field, "resource.error.number", text);
        }
    }
}

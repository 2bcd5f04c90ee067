package org.linyunzhi.registry.internal;

import java.util.Optional;

/** Reads a code-list value typed by a person or a caller: the enum's name in any case, blanks around it ignored. */
final class Codes {

    private Codes() {
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}

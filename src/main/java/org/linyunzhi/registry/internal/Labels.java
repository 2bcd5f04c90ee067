package org.linyunzhi.registry.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Reads a code list's value from a cell the way departments write it: the code (RESIDENTIAL), the
 * Chinese label (住宅) or the English one, in any case and spacing.
 */
@Component
class Labels {

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    <E extends Enum<E>> Reader<E> reader(Class<E> type, String keyPrefix) {
        Map<String, E> byText = new HashMap<>();
        for (E value : type.getEnumConstants()) {
            byText.put(normal(value.name()), value);
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                String label = messages.getMessage(keyPrefix + value.name(), null, null, locale);
                if (label != null) {
                    byText.putIfAbsent(normal(label), value);
                }
            }
        }
        return text -> Optional.ofNullable(byText.get(normal(text)));
    }

    private static String normal(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).replaceAll("[\\s_]", "")
                .toLowerCase(Locale.ROOT);
    }

    interface Reader<E> {
        Optional<E> read(String text);
    }
}

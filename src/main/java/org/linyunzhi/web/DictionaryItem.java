package org.linyunzhi.web;

import java.util.Locale;

/**
 * One entry of a dictionary.
 *
 * @param value     the code stored in records, e.g. {@code GRID_HEAD}
 * @param labelZh   the Chinese label
 * @param labelEn   the English label, or null to show the Chinese one
 * @param tagColour the CSS class of the item's tag, e.g. {@code tag-red}, or null for a plain tag
 * @param isDefault whether a new record starts with this item
 */
public record DictionaryItem(String value, String labelZh, String labelEn, int sortOrder, String tagColour,
                             boolean enabled, boolean isDefault) {

    public String label(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return english && labelEn != null && !labelEn.isBlank() ? labelEn : labelZh;
    }
}

package org.linyunzhi.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Code lists maintained by administrators on /system/dicts: gender, grid staff roles, region
 * levels and the like. Any module may look up labels and check codes here; pages use the
 * fragments in {@code templates/fragments/dict.html}. Answers come from a cache that follows
 * every committed change at once on this node and within seconds on the others.
 */
public interface Dictionaries {

    /** The enabled items of a dictionary in display order; empty for an unknown or disabled dictionary. */
    List<DictionaryItem> items(String type);

    /** Any item, enabled or not, so that old records still show their label. */
    Optional<DictionaryItem> item(String type, String value);

    /** The item's label in the locale, or the value itself when the dictionary has no such item. */
    String label(String type, String value, Locale locale);

    /** Whether a value may be chosen now: the item exists and is enabled, and so is its dictionary. */
    boolean isSelectable(String type, String value);
}

package org.linyunzhi.web.internal.dictionary;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.linyunzhi.web.Dictionaries;
import org.linyunzhi.web.DictionaryItem;
import org.linyunzhi.web.internal.VersionedCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cached read side of dictionaries. All dictionaries are loaded together: they are a few
 * hundred rows, read on nearly every page, and changed a few times a year. The bean is named
 * {@code dictionaries} so templates can call {@code ${@dictionaries.items('gender')}}.
 */
@Component("dictionaries")
class DictionaryCatalogue implements Dictionaries {

    /** One dictionary as cached: its items in display order, and by value. */
    record Entry(boolean enabled, List<DictionaryItem> items, Map<String, DictionaryItem> byValue) {
    }

    private final VersionedCache<Map<String, Entry>> cache;

    DictionaryCatalogue(JdbcClient jdbc, @Value("${linyunzhi.web.config-refresh:5s}") Duration refresh) {
        this.cache = new VersionedCache<>(jdbc, "dictionaries", refresh, () -> load(jdbc));
    }

    @Override
    public List<DictionaryItem> items(String type) {
        Entry entry = cache.get().get(type);
        if (entry == null || !entry.enabled()) {
            return List.of();
        }
        return entry.items().stream().filter(DictionaryItem::enabled).toList();
    }

    @Override
    public Optional<DictionaryItem> item(String type, String value) {
        Entry entry = cache.get().get(type);
        return entry == null || value == null ? Optional.empty() : Optional.ofNullable(entry.byValue().get(value));
    }

    @Override
    public String label(String type, String value, Locale locale) {
        return item(type, value).map(i -> i.label(locale)).orElse(value);
    }

    @Override
    public boolean isSelectable(String type, String value) {
        Entry entry = cache.get().get(type);
        return entry != null && entry.enabled() && item(type, value).map(DictionaryItem::enabled).orElse(false);
    }

    /** Records a change in the running transaction; the cache follows when it commits. */
    void changed() {
        cache.changed();
    }

    private static Map<String, Entry> load(JdbcClient jdbc) {
        Map<String, Boolean> types = new LinkedHashMap<>();
        jdbc.sql("SELECT code, enabled FROM web_dict_type").query(rs -> {
            types.put(rs.getString("code"), rs.getBoolean("enabled"));
        });
        Map<String, List<DictionaryItem>> items = jdbc.sql("SELECT type_code, value, label_zh, label_en, sort_order, "
                        + "tag_colour, enabled, is_default FROM web_dict_item ORDER BY type_code, sort_order, value")
                .query((rs, n) -> Map.entry(rs.getString("type_code"), new DictionaryItem(rs.getString("value"),
                        rs.getString("label_zh"), rs.getString("label_en"), rs.getInt("sort_order"),
                        rs.getString("tag_colour"), rs.getBoolean("enabled"), rs.getBoolean("is_default"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<String, Entry> all = new LinkedHashMap<>();
        types.forEach((code, enabled) -> {
            List<DictionaryItem> list = items.getOrDefault(code, List.of()).stream()
                    .sorted(Comparator.comparingInt(DictionaryItem::sortOrder).thenComparing(DictionaryItem::value)).toList();
            Map<String, DictionaryItem> byValue = list.stream()
                    .collect(Collectors.toMap(DictionaryItem::value, i -> i, (a, b) -> a, LinkedHashMap::new));
            all.put(code, new Entry(enabled, list, byValue));
        });
        return Map.copyOf(all);
    }
}

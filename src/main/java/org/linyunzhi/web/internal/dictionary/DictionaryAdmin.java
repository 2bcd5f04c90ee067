package org.linyunzhi.web.internal.dictionary;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.linyunzhi.web.DictionaryItem;
import org.linyunzhi.web.internal.Editor;
import org.linyunzhi.web.internal.dictionary.DictionaryForms.ItemForm;
import org.linyunzhi.web.internal.dictionary.DictionaryForms.TypeForm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes dictionaries for the administration pages, straight from the tables (the
 * pages show disabled entries and who changed what, which the cache does not keep). Items are
 * disabled rather than deleted: records keep pointing at their codes.
 */
@Service
class DictionaryAdmin {

    private final JdbcClient jdbc;
    private final DictionaryCatalogue catalogue;

    DictionaryAdmin(JdbcClient jdbc, DictionaryCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    record TypeRow(String code, String nameZh, String nameEn, String description, boolean enabled, int itemCount,
                   OffsetDateTime updatedAt, String updatedBy) {

        public String name(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : nameZh;
        }
    }

    private static final String TYPE_SELECT = "SELECT t.code, t.name_zh, t.name_en, t.description, t.enabled, "
            + "t.updated_at, t.updated_by, (SELECT count(*) FROM web_dict_item i WHERE i.type_code = t.code) AS item_count "
            + "FROM web_dict_type t ";

    /** Dictionaries whose code or name contains the query, or all when it is blank. */
    List<TypeRow> types(String query) {
        String like = query == null || query.isBlank() ? "%"
                : "%" + query.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(TYPE_SELECT + "WHERE lower(t.code) LIKE :q OR lower(t.name_zh) LIKE :q "
                        + "OR lower(coalesce(t.name_en, '')) LIKE :q ORDER BY t.code")
                .param("q", like).query(DictionaryAdmin::typeRow).list();
    }

    Optional<TypeRow> type(String code) {
        return jdbc.sql(TYPE_SELECT + "WHERE t.code = :code")
                .param("code", code).query(DictionaryAdmin::typeRow).optional();
    }

    /** Every item, disabled ones too, in display order. */
    List<DictionaryItem> items(String type) {
        return jdbc.sql("SELECT value, label_zh, label_en, sort_order, tag_colour, enabled, is_default "
                        + "FROM web_dict_item WHERE type_code = :type ORDER BY sort_order, value")
                .param("type", type)
                .query((rs, n) -> new DictionaryItem(rs.getString("value"), rs.getString("label_zh"),
                        rs.getString("label_en"), rs.getInt("sort_order"), rs.getString("tag_colour"),
                        rs.getBoolean("enabled"), rs.getBoolean("is_default")))
                .list();
    }

    boolean hasItem(String type, String value) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM web_dict_item WHERE type_code = :type AND value = :value)")
                .param("type", type).param("value", value).query(Boolean.class).single();
    }

    @Transactional
    void createType(TypeForm form) {
        jdbc.sql("INSERT INTO web_dict_type (code, name_zh, name_en, description, enabled, updated_by) "
                        + "VALUES (:code, :nameZh, :nameEn, :description, :enabled, :by)")
                .param("code", form.getCode()).param("nameZh", form.getNameZh().strip()).param("nameEn", blankToNull(form.getNameEn()))
                .param("description", blankToNull(form.getDescription())).param("enabled", form.isEnabled())
                .param("by", Editor.current()).update();
        catalogue.changed();
    }

    /** Answers false when there is no such dictionary. */
    @Transactional
    boolean updateType(String code, TypeForm form) {
        int updated = jdbc.sql("UPDATE web_dict_type SET name_zh = :nameZh, name_en = :nameEn, description = :description, "
                        + "enabled = :enabled, updated_at = now(), updated_by = :by WHERE code = :code")
                .param("code", code).param("nameZh", form.getNameZh().strip()).param("nameEn", blankToNull(form.getNameEn()))
                .param("description", blankToNull(form.getDescription())).param("enabled", form.isEnabled())
                .param("by", Editor.current()).update();
        if (updated > 0) {
            catalogue.changed();
        }
        return updated > 0;
    }

    /** Adds or replaces an item; a new default takes the mark from the old one. */
    @Transactional
    void saveItem(String type, ItemForm form) {
        if (form.isDefaultItem()) {
            jdbc.sql("UPDATE web_dict_item SET is_default = FALSE WHERE type_code = :type AND value <> :value AND is_default")
                    .param("type", type).param("value", form.getValue()).update();
        }
        jdbc.sql("INSERT INTO web_dict_item (type_code, value, label_zh, label_en, sort_order, tag_colour, enabled, "
                        + "is_default, updated_by) VALUES (:type, :value, :labelZh, :labelEn, :sort, :tag, :enabled, :isDefault, :by) "
                        + "ON CONFLICT (type_code, value) DO UPDATE SET label_zh = EXCLUDED.label_zh, "
                        + "label_en = EXCLUDED.label_en, sort_order = EXCLUDED.sort_order, tag_colour = EXCLUDED.tag_colour, "
                        + "enabled = EXCLUDED.enabled, is_default = EXCLUDED.is_default, updated_at = now(), "
                        + "updated_by = EXCLUDED.updated_by")
                .param("type", type).param("value", form.getValue()).param("labelZh", form.getLabelZh().strip())
                .param("labelEn", blankToNull(form.getLabelEn())).param("sort", form.getSortOrder())
                .param("tag", form.getTagColour() == null ? null : form.getTagColour().cssClass())
                .param("enabled", form.isEnabled()).param("isDefault", form.isDefaultItem())
                .param("by", Editor.current()).update();
        catalogue.changed();
    }

    private static TypeRow typeRow(ResultSet rs, int n) throws SQLException {
        return new TypeRow(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("description"), rs.getBoolean("enabled"), rs.getInt("item_count"),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

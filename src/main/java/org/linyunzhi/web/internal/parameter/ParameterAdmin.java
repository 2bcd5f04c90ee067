package org.linyunzhi.web.internal.parameter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.linyunzhi.web.internal.Editor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists parameters and changes their values, each checked against its declared type. */
@Service
class ParameterAdmin {

    private static final ZoneId TOWN_TIME = ZoneId.of("Asia/Shanghai");
    private static final String SELECT = "SELECT key, value, type, description_zh, description_en, editable, "
            + "updated_at, updated_by FROM web_parameter ";

    private final JdbcClient jdbc;
    private final ParameterCatalogue catalogue;

    ParameterAdmin(JdbcClient jdbc, ParameterCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    record Parameter(String key, String value, ParameterType type, String descriptionZh, String descriptionEn,
                     boolean editable, OffsetDateTime updatedAt, String updatedBy) {

        /** When it was last changed, in town time, for the page. */
        public ZonedDateTime updatedInTownTime() {
            return updatedAt == null ? null : updatedAt.atZoneSameInstant(TOWN_TIME);
        }

        public String description(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) && descriptionEn != null ? descriptionEn : descriptionZh;
        }
    }

    List<Parameter> all() {
        return jdbc.sql(SELECT + "ORDER BY key").query(ParameterAdmin::parameter).list();
    }

    Optional<Parameter> find(String key) {
        return jdbc.sql(SELECT + "WHERE key = :key").param("key", key).query(ParameterAdmin::parameter).optional();
    }

    /**
     * Sets a parameter's value. Answers empty for an unknown key; throws {@link ParameterRejected}
     * when the parameter is read-only or the value is not of its type.
     */
    @Transactional
    Optional<Parameter> change(String key, String raw) {
        Optional<Parameter> found = find(key);
        if (found.isEmpty()) {
            return found;
        }
        Parameter parameter = found.get();
        if (!parameter.editable()) {
            throw ParameterRejected.readOnly(key);
        }
        String value = parameter.type().normalise(raw)
                .orElseThrow(() -> ParameterRejected.invalid(key, parameter.type(), raw));
        jdbc.sql("UPDATE web_parameter SET value = :value, updated_at = now(), updated_by = :by WHERE key = :key")
                .param("key", key).param("value", value).param("by", Editor.current()).update();
        catalogue.changed();
        return find(key);
    }

    private static Parameter parameter(ResultSet rs, int n) throws SQLException {
        return new Parameter(rs.getString("key"), rs.getString("value"), ParameterType.valueOf(rs.getString("type")),
                rs.getString("description_zh"), rs.getString("description_en"), rs.getBoolean("editable"),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"));
    }
}

package org.linyunzhi.hazard.internal.catalogue;

import java.util.List;
import java.util.Optional;
import org.linyunzhi.hazard.HazardLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the hazard catalogue: the current categories, and any category as it stood in an earlier
 * version (a hazard keeps the version it was filed under). Public for the other parts of the module.
 */
@Component
public class Catalogue {

    private static final String CURRENT = """
            SELECT code, class_code, name, default_level, department, time_limit_days, description, active,
                   catalogue_version FROM hazard_category""";

    private final JdbcClient jdbc;

    Catalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<HazardClass> classes() {
        return jdbc.sql("SELECT code, name_zh, name_en, prefix, sort_order FROM hazard_class ORDER BY sort_order")
                .query((rs, n) -> new HazardClass(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5))).list();
    }

    public Optional<HazardClass> hazardClass(String code) {
        return classes().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The current category with that code, active or not. */
    public Optional<Category> category(String code) {
        return jdbc.sql(CURRENT + " WHERE code = :code").param("code", code).query(Catalogue::map).optional();
    }

    /** The category as it stood in {@code version}: its latest revision at or before it. */
    public Optional<Category> categoryAsOf(String code, int version) {
        return jdbc.sql("""
                        SELECT code, class_code, name, default_level, department, time_limit_days, description, active,
                               catalogue_version FROM hazard_category_revision
                        WHERE code = :code AND catalogue_version <= :version
                        ORDER BY catalogue_version DESC LIMIT 1""")
                .param("code", code).param("version", version).query(Catalogue::map).optional();
    }

    /** Every current category in catalogue order, inactive ones included. */
    public List<Category> categories() {
        return jdbc.sql("""
                        SELECT c.code, c.class_code, c.name, c.default_level, c.department, c.time_limit_days,
                               c.description, c.active, c.catalogue_version
                        FROM hazard_category c JOIN hazard_class k ON k.code = c.class_code
                        ORDER BY k.sort_order, c.sort_order, c.code""")
                .query(Catalogue::map).list();
    }

    /** The number of the version in force; 0 before the default catalogue is loaded. */
    public int currentVersion() {
        return jdbc.sql("SELECT coalesce(max(version), 0) FROM hazard_catalogue_version").query(Integer.class).single();
    }

    static Category map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Category(rs.getString("code"), rs.getString("class_code"), rs.getString("name"),
                HazardLevel.of(rs.getInt("default_level")), rs.getString("department"), rs.getInt("time_limit_days"),
                rs.getString("description"), rs.getBoolean("active"), rs.getInt("catalogue_version"));
    }
}

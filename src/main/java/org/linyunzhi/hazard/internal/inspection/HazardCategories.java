package org.linyunzhi.hazard.internal.inspection;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The active categories of the hazard catalogue (same module), for the picker on the inspection form. */
@Repository
class HazardCategories {

    record Choice(String code, String classCode, String name, int defaultLevel) {
    }

    private final JdbcClient jdbc;

    HazardCategories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Choice> active() {
        return jdbc.sql("SELECT code, class_code, name, default_level FROM hazard_category WHERE active ORDER BY code")
                .query((rs, n) -> new Choice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }
}

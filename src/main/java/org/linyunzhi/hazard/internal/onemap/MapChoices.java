package org.linyunzhi.hazard.internal.onemap;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the map's filters offer: the catalogue's classes and active categories, in catalogue order. */
@Component
class MapChoices {

    private final JdbcClient db;

    MapChoices(JdbcClient db) {
        this.db = db;
    }

    record Choice(String code, String name, String group) {
    }

    List<Choice> classes(boolean english) {
        return db.sql("SELECT code, %s AS name FROM hazard_class ORDER BY sort_order, code"
                        .formatted(english ? "name_en" : "name_zh"))
                .query((rs, n) -> new Choice(rs.getString("code"), rs.getString("name"), null)).list();
    }

    List<Choice> categories() {
        return db.sql("""
                SELECT c.code, c.name, c.class_code FROM hazard_category c
                  LEFT JOIN hazard_class k ON k.code = c.class_code
                 WHERE c.active ORDER BY k.sort_order, c.code""")
                .query((rs, n) -> new Choice(rs.getString("code"), rs.getString("name"), rs.getString("class_code"))).list();
    }
}

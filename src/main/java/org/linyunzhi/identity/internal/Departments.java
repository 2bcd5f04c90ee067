package org.linyunzhi.identity.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The town's departments, which department officers are bound to. */
@Repository
class Departments {

    private final JdbcClient jdbc;

    Departments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Departments whose region the scope covers: a village cadre sees none of the town's departments. */
    List<Department> visibleTo(DataScope scope) {
        DataScope.SqlPredicate inScope = scope.predicate("d.region_code", null, "d.id");
        return jdbc.sql("SELECT d.id, d.code, d.name, d.name_en, d.region_code FROM department d WHERE "
                        + inScope.sql() + " ORDER BY d.sort_order, d.code")
                .params(inScope.params())
                .query(Department.class).list();
    }

    Optional<Department> byId(UUID id) {
        return jdbc.sql("SELECT id, code, name, name_en, region_code FROM department WHERE id = :id")
                .param("id", id).query(Department.class).optional();
    }

    Optional<Department> byCode(String code) {
        return jdbc.sql("SELECT id, code, name, name_en, region_code FROM department WHERE code = :code")
                .param("code", code).query(Department.class).optional();
    }

    record Department(UUID id, String code, String name, String nameEn, String regionCode) {

        /** The department's name in the reader's language; English falls back to Chinese when missing. */
        public String nameIn(Locale locale) {
            return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : name;
        }
    }
}

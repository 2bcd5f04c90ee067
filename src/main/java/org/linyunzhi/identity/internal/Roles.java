package org.linyunzhi.identity.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Roles, the permission catalogue, and which permissions each role grants. */
@Repository
class Roles {

    private final JdbcClient jdbc;

    Roles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Role> all() {
        return jdbc.sql("""
                        SELECT r.code, r.scope_kind, r.admin, r.version,
                               (SELECT count(*) FROM role_permission p WHERE p.role_code = r.code) AS permissions,
                               (SELECT count(*) FROM user_role u WHERE u.role_code = r.code) AS users
                        FROM role r ORDER BY r.sort_order""")
                .query((rs, n) -> new Role(rs.getString("code"), DataScope.Kind.valueOf(rs.getString("scope_kind")),
                        rs.getBoolean("admin"), rs.getInt("version"), rs.getInt("permissions"), rs.getInt("users")))
                .list();
    }

    Optional<Role> byCode(String code) {
        return all().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** Every permission the roles grant together. */
    Set<String> permissionsOf(Collection<String> roles) {
        if (roles.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT DISTINCT permission_code FROM role_permission WHERE role_code IN (:roles)")
                .param("roles", roles).query(String.class).list());
    }

    List<Permission> catalogue() {
        return jdbc.sql("SELECT code, module FROM permission ORDER BY sort_order, code")
                .query((rs, n) -> new Permission(rs.getString("code"), rs.getString("module"))).list();
    }

    boolean anyAdmin(Collection<String> roles) {
        if (roles.isEmpty()) {
            return false;
        }
        return jdbc.sql("SELECT count(*) FROM role WHERE admin AND code IN (:roles)")
                .param("roles", roles).query(Integer.class).single() > 0;
    }

    /**
     * Replaces a role's permissions and default scope if nobody saved it since the form was loaded.
     *
     * @return false on a version conflict
     */
    @Transactional
    boolean update(String code, int version, DataScope.Kind scopeKind, Set<String> permissions) {
        int updated = jdbc.sql("UPDATE role SET scope_kind = :kind, version = version + 1"
                        + " WHERE code = :code AND version = :version")
                .param("kind", scopeKind.name()).param("code", code).param("version", version).update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM role_permission WHERE role_code = :code").param("code", code).update();
        for (String permission : new LinkedHashSet<>(permissions)) {
            jdbc.sql("INSERT INTO role_permission (role_code, permission_code) VALUES (:code, :permission)")
                    .param("code", code).param("permission", permission).update();
        }
        return true;
    }

    /**
     * A role with its default data scope.
     *
     * @param admin an administrator role (a second factor can be required for it)
     */
    record Role(String code, DataScope.Kind scopeKind, boolean admin, int version, int permissionCount,
                int userCount) {

        /** The key of the role's display name in the message bundle. */
        public String nameKey() {
            return "role." + code;
        }
    }

    /** A permission string and the module it belongs to. */
    record Permission(String code, String module) {

        /** Message keys cannot hold colons, so the name is looked up under the dotted code. */
        public String nameKey() {
            return "perm." + code.replace(':', '.');
        }
    }
}

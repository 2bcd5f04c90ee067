package org.linyunzhi.identity.internal;

import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.identity.UserDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Identity's answer to "who is this user" for other modules: name, node and department, no secrets. */
@Service
class AccountDirectory implements UserDirectory {

    private static final String SELECT = """
            SELECT u.id, u.username, u.display_name, u.region_code, u.department_id, d.name AS department_name, u.enabled
              FROM user_account u LEFT JOIN department d ON d.id = u.department_id
            """;

    private final JdbcClient jdbc;

    AccountDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Person> byUsername(String username) {
        return jdbc.sql(SELECT + " WHERE lower(u.username) = lower(:username)").param("username", username)
                .query(Person.class).optional();
    }

    @Override
    public Optional<Person> byId(UUID id) {
        return jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id).query(Person.class).optional();
    }
}

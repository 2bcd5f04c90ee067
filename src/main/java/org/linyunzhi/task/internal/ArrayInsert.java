package org.linyunzhi.task.internal;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts any number of rows with one statement and one round trip: each column travels as one
 * text array and the server unnests and casts them. A campaign's 852 tasks are one INSERT, so the
 * database does one statement's work (and the board counters' trigger runs once), where a JDBC
 * batch would still execute 852 statements.
 *
 * @param <T> what a row is made from
 */
final class ArrayInsert<T> {

    /** A column, the SQL type its text is cast to, and how to read its value from a row. */
    record Column<T>(String name, String type, Function<T, Object> value) {
    }

    private final String sql;
    private final List<Column<T>> columns;

    ArrayInsert(String table, List<Column<T>> columns) {
        this.columns = List.copyOf(columns);
        this.sql = "INSERT INTO " + table + " ("
                + columns.stream().map(Column::name).collect(Collectors.joining(", "))
                + ") SELECT * FROM unnest("
                + columns.stream().map(c -> "CAST(? AS text[])::" + c.type() + "[]").collect(Collectors.joining(", "))
                + ")";
    }

    void insert(JdbcTemplate jdbc, List<T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(sql);
            for (int i = 0; i < columns.size(); i++) {
                Function<T, Object> value = columns.get(i).value();
                String[] texts = rows.stream().map(r -> text(value.apply(r))).toArray(String[]::new);
                ps.setArray(i + 1, connection.createArrayOf("text", texts));
            }
            return ps;
        });
    }

    /** The value as PostgreSQL reads it back from text: instants in ISO-8601 with their zone, enums by name. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value.toString();
    }
}

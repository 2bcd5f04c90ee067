package org.linyunzhi.registry.internal;

import java.util.List;
import java.util.Optional;

/**
 * The three kinds of department file and their template columns, in order. A column's header is
 * the message {@code registry.column.<name>}; required columns are marked in the template.
 */
enum ImportKind {
    HOUSE(List.of(new Column("address", true), new Column("lon", true), new Column("lat", true),
            new Column("use", true), new Column("rented", false))),
    RESIDENT(List.of(new Column("name", true), new Column("idNumber", true), new Column("phone", false),
            new Column("address", true), new Column("household", false), new Column("tags", false))),
    ORGANISATION(List.of(new Column("name", true), new Column("creditCode", true), new Column("orgType", true),
            new Column("address", true), new Column("lon", true), new Column("lat", true)));

    private final List<Column> columns;

    ImportKind(List<Column> columns) {
        this.columns = columns;
    }

    List<Column> columns() {
        return columns;
    }

    /** The position of a column in the sheet, 0-based. */
    int index(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + this);
    }

    static Optional<ImportKind> parse(String text) {
        return Codes.parse(ImportKind.class, text);
    }

    record Column(String name, boolean required) {
    }
}

package org.linyunzhi.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** Small helpers shared by the registry's tables. */
final class Rows {

    private Rows() {
    }

    static List<String> texts(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    /** A LIKE pattern matching the text anywhere, with the user's %, _ and \ taken literally. */
    static String contains(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Hex of a hash, to use byte arrays as map keys. */
    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}

package org.linyunzhi.grid.internal;

/** JSON string literals for the hand-written GeoJSON of exports and map layers. */
final class Json {

    private Json() {
    }

/** A JSON string literal, escaped per RFC 8259 (names may hold quotes or control characters). */
    static void string(String value, StringBuilder out) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

/** "name":"value", or "name":null. */
    static void field(String name, String value, StringBuilder out) {
        string(name, out);
        out.append(':');
        string(value, out);
    }

    /** The properties every written node carries: code, name, level, parentCode. */
    static void nodeIdentity(RegionNodes.ShapeRow row, StringBuilder out) {
        field("code", row.code(), out);
        out.append(',');
        field("name", row.name(), out);
        out.append(',');
        field("level", row.level(), out);
        out.append(',');
        field("parentCode", row.parentCode(), out);
    }

/** An enum by its name, or null. */
    static void field(String name, Enum<?> value, StringBuilder out) {
        field(name, value == null ? null : value.name(), out);
    }
}

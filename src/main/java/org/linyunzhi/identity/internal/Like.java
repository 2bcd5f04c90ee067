package org.linyunzhi.identity.internal;

/** Makes user text safe inside a LIKE pattern (with {@code ESCAPE '\'}): its % and _ match themselves. */
final class Like {

    private Like() {
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

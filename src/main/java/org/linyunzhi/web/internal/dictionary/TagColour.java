package org.linyunzhi.web.internal.dictionary;

/** The tag colours app.css defines; an item's colour is one of these or none. */
enum TagColour {
    BLUE, GREEN, ORANGE, RED, GREY, PURPLE, CYAN;

    /** The CSS class, e.g. {@code tag-red}. */
    String cssClass() {
        return "tag-" + name().toLowerCase();
    }

    static TagColour ofCssClass(String cssClass) {
        if (cssClass == null || cssClass.isBlank()) {
            return null;
        }
        for (TagColour c : values()) {
            if (c.cssClass().equals(cssClass)) {
                return c;
            }
        }
        return null;
    }
}

package org.linyunzhi.registry.internal;

/**
 * A resident's phone: an 11-digit mainland mobile number, or a landline with its area code
 * (0571-82345678). Blanks, dashes and a leading +86 are dropped before it is checked, hashed and stored.
 */
record PhoneNumber(String value) {

    static PhoneNumber parse(String text) {
        if (text == null) {
            return null;
        }
        String s = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).replaceAll("[\\s\\-()]", "");
        if (s.startsWith("+86")) {
            s = s.substring(3);
        }
        if (s.matches("1[3-9]\\d{9}") || s.matches("0\\d{9,11}")) {
            return new PhoneNumber(s);
        }
        return null;
    }

    /** 138****5678 for a mobile; a landline keeps only its last 4 digits. */
    String masked() {
        if (value.length() == 11 && value.charAt(0) == '1') {
            return value.substring(0, 3) + "****" + value.substring(7);
        }
        return "*".repeat(value.length() - 4) + value.substring(value.length() - 4);
    }
}

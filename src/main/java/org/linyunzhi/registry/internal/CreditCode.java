package org.linyunzhi.registry.internal;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-letter
 * alphabet without I, O, Z, S and V — registration authority, organisation category, 6-digit
 * administrative division, 9-character organisation code, and a check character weighted
 * 3^i mod 31.
 */
record CreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    enum Problem { LENGTH, CHARACTERS, CHECKSUM }

    static Result parse(String text) {
        String s = text == null ? "" : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
                .replaceAll("\\s", "").toUpperCase();
        if (s.length() != 18) {
            return new Result(null, Problem.LENGTH);
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return new Result(null, Problem.CHARACTERS);
            }
        }
        if (!s.substring(2, 8).matches("\\d{6}")) {
            return new Result(null, Problem.CHARACTERS);
        }
        if (s.charAt(17) != checkCharacter(s.substring(0, 17))) {
            return new Result(null, Problem.CHECKSUM);
        }
        return new Result(new CreditCode(s), null);
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    record Result(CreditCode code, Problem problem) {
        boolean valid() {
            return code != null;
        }
    }
}

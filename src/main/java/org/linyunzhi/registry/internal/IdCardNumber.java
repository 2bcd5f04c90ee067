package org.linyunzhi.registry.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A resident identity card number (GB 11643-1999): 6-digit address code, 8-digit birth date,
 * 3-digit sequence (odd for men, even for women) and a check character, ISO 7064 MOD 11-2, where
 * X stands for 10.
 */
record IdCardNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /** Why a text is not an ID-card number, for the row error; empty when it is one. */
    enum Problem { LENGTH, CHARACTERS, BIRTH_DATE, CHECKSUM }

    /** The number in canonical form (upper-case X, no blanks), or the problem with it. */
    static Result parse(String text) {
        String s = text == null ? "" : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
                .replaceAll("\\s", "").toUpperCase();
        if (s.length() != 18) {
            return new Result(null, Problem.LENGTH);
        }
        if (!s.matches("\\d{17}[\\dX]")) {
            return new Result(null, Problem.CHARACTERS);
        }
        if (birthDate(s).isEmpty()) {
            return new Result(null, Problem.BIRTH_DATE);
        }
        if (s.charAt(17) != checkCharacter(s.substring(0, 17))) {
            return new Result(null, Problem.CHECKSUM);
        }
        return new Result(new IdCardNumber(s), null);
    }

    /** The check character for the first 17 digits. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** 'M' or 'F', from the parity of the sequence. */
    char gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? 'M' : 'F';
    }

    /** What the screen shows: the first 3 and the last 4 characters, e.g. 330***********123X. */
    String masked() {
        return value.substring(0, 3) + "*".repeat(11) + value.substring(14);
    }

    private static Optional<LocalDate> birthDate(String s) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
            return date.getYear() >= 1880 && !date.isAfter(LocalDate.now()) ? Optional.of(date) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    record Result(IdCardNumber number, Problem problem) {
        boolean valid() {
            return number != null;
        }
    }
}

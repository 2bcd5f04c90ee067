package org.linyunzhi.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The password rules of 等保 2.0: long enough, several kinds of character mixed, not the user name,
 * and changed periodically. Each broken rule is reported by its message key, so the page can name it.
 */
@Component
class PasswordPolicy {

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "@#$%&*+-=?!";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityProperties.Password rules;

    PasswordPolicy(IdentityProperties properties) {
        this.rules = properties.password();
    }

    /** The rules the password breaks, empty when it is acceptable. */
    List<Violation> check(String password, String username) {
        List<Violation> broken = new ArrayList<>();
        if (password == null || password.length() < rules.minLength()) {
            broken.add(new Violation("password.rule.length", rules.minLength()));
        }
        if (password != null && kinds(password) < rules.minKinds()) {
            broken.add(new Violation("password.rule.kinds", rules.minKinds()));
        }
        if (password != null && username != null && !username.isBlank()
                && password.toLowerCase().contains(username.toLowerCase())) {
            broken.add(new Violation("password.rule.username", 0));
        }
        return broken;
    }

    /** Whether a password set at {@code changedAt} has outlived the maximum age. */
    boolean expired(Instant changedAt, Clock clock) {
        return !rules.maxAge().isZero() && changedAt != null
                && changedAt.plus(rules.maxAge()).isBefore(clock.instant());
    }

    /**
     * A random initial password that satisfies the policy, for accounts an administrator creates or
     * resets: it is shown once and must be changed at the first login. Look-alike characters are left
     * out because it is read off a screen and typed on a phone.
     */
    String initialPassword() {
        int length = Math.max(12, rules.minLength());
        StringBuilder out = new StringBuilder();
        String[] pools = {UPPER, LOWER, DIGITS, SYMBOLS};
        for (String pool : pools) {
            out.append(pool.charAt(RANDOM.nextInt(pool.length())));
        }
        String all = UPPER + LOWER + DIGITS + SYMBOLS;
        while (out.length() < length) {
            out.append(all.charAt(RANDOM.nextInt(all.length())));
        }
        // shuffle so the kinds do not always come in the same order
        for (int i = out.length() - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char c = out.charAt(i);
            out.setCharAt(i, out.charAt(j));
            out.setCharAt(j, c);
        }
        return out.toString();
    }

    int minLength() {
        return rules.minLength();
    }

    int minKinds() {
        return rules.minKinds();
    }

    static int kinds(String password) {
        boolean upper = false, lower = false, digit = false, symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isUpperCase(c)) upper = true;
            else if (Character.isLowerCase(c)) lower = true;
            else if (Character.isDigit(c)) digit = true;
            else if (!Character.isWhitespace(c)) symbol = true;
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    /** A broken rule: its message key and the number the message mentions. */
    record Violation(String messageKey, int limit) {
    }
}

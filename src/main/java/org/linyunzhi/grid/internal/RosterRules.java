package org.linyunzhi.grid.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.StaffRole;

/**
 * What a roster must respect whoever writes it, a person on the node page or the roster import:
 * the role belongs to the node's level, single roles have one holder, a micro-grid two members.
 */
final class RosterRules {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 \\-]{4,18}[0-9]");

    private RosterRules() {
    }

    /** The message key of the first broken rule for giving a node one more holder of a role. */
    static Optional<String> canAdd(RegionLevel level, StaffRole role, int holdersNow) {
        if (!role.appliesTo(level)) {
            return Optional.of("grid.roster.error.roleNotForLevel");
        }
        if (holdersNow >= role.maximum()) {
            return Optional.of(role.maximum() == 1 ? "grid.roster.error.onlyOne" : "grid.roster.error.full");
        }
        return Optional.empty();
    }

    /** MALE or FEMALE from the spellings people use; null for blank; empty for anything else. */
    static Optional<String> gender(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("");
        }
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "MALE", "M", "\u7537" -> Optional.of("MALE");
            case "FEMALE", "F", "\u5973" -> Optional.of("FEMALE");
            default -> Optional.empty();
        };
    }

    static boolean validPhone(String phone) {
        return phone == null || phone.isBlank() || PHONE.matcher(phone.strip()).matches();
    }

    static Optional<StaffRole> role(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(StaffRole.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package org.linyunzhi.grid.internal;

import java.util.Optional;
import org.linyunzhi.grid.DedicatedType;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.VillageKind;

/**
 * The region code scheme of docs/region-codes.md: county 6 + town 3 + village 3 + grid 3 (the
 * GB/T 30428.1 unit-grid code), extended by our own 4-digit micro-grid segment: {@code 0} + sequence
 * for ordinary micro-grids, the dedicated type digit + sequence for dedicated ones.
 */
final class RegionCodes {

    /** Town segment: 001–099 streets, 100–199 towns, 200–399 townships, 400–599 similar units. */
    static final int TOWN_LAST = 599;

    private RegionCodes() {
    }

    /** A violation of the scheme: the problem type and its message arguments. */
    record Violation(ImportProblem.Type type, Object... args) {
    }

    /**
     * Checks a code against its level, its parent's code and, where the level has one, its village
     * kind or dedicated type.
     */
    static Optional<Violation> check(String code, RegionLevel level, String parentCode,
                                     VillageKind kind, DedicatedType type) {
        if (code.isEmpty() || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(new Violation(ImportProblem.Type.CODE_NOT_DIGITS, code));
        }
        if (code.length() != level.codeLength()) {
            return Optional.of(new Violation(ImportProblem.Type.CODE_WRONG_LENGTH, code, level.codeLength(), level));
        }
        if (parentCode != null && !code.startsWith(parentCode)) {
            return Optional.of(new Violation(ImportProblem.Type.CODE_NOT_UNDER_PARENT, code, parentCode));
        }
        return switch (level) {
            case TOWN -> {
                if (number(code, 0, 6) == 0) {
                    yield segment(code, "000000", "000001-999999");
                }
                int town = number(code, 6, 9);
                yield town < 1 || town > TOWN_LAST ? segment(code, code.substring(6), "001-599") : Optional.empty();
            }
            case VILLAGE -> {
                int village = number(code, 9, 12);
                if (village < 1 || village > VillageKind.VILLAGE.lastNumber()) {
                    yield segment(code, code.substring(9), "001-399");
                }
                if (kind != null && (village < kind.firstNumber() || village > kind.lastNumber())) {
                    yield Optional.of(new Violation(ImportProblem.Type.CODE_KIND_MISMATCH, code, kind,
                            "%03d-%03d".formatted(kind.firstNumber(), kind.lastNumber())));
                }
                yield Optional.empty();
            }
            case GRID -> number(code, 12, 15) == 0 ? segment(code, code.substring(12), "001-999") : Optional.empty();
            case MICRO_GRID, DEDICATED_MICRO_GRID -> {
                char digit = code.charAt(15);
                char expected = level == RegionLevel.MICRO_GRID ? '0' : (type == null ? digit : type.digit());
                if (level == RegionLevel.DEDICATED_MICRO_GRID && DedicatedType.ofDigit(digit).isEmpty()) {
                    yield Optional.of(new Violation(ImportProblem.Type.CODE_TYPE_DIGIT_MISMATCH, code, "1-6", level));
                }
                if (digit != expected) {
                    yield Optional.of(new Violation(ImportProblem.Type.CODE_TYPE_DIGIT_MISMATCH, code,
                            String.valueOf(expected), type == null ? level : type));
                }
                yield number(code, 16, 19) == 0 ? segment(code, code.substring(16), "001-999") : Optional.empty();
            }
        };
    }

    /** The code of a child numbered {@code sequence} under a parent (see {@link CodeAssigner}). */
    static String childCode(String parentCode, RegionLevel level, VillageKind kind, DedicatedType type, int sequence) {
        return switch (level) {
            case TOWN -> throw new IllegalArgumentException("a town's code is given, not assigned");
            case VILLAGE -> parentCode + "%03d".formatted(kind.firstNumber() + sequence - 1);
            case GRID -> parentCode + "%03d".formatted(sequence);
            case MICRO_GRID -> parentCode + "0" + "%03d".formatted(sequence);
            case DEDICATED_MICRO_GRID -> parentCode + type.digit() + "%03d".formatted(sequence);
        };
    }

    /** How many children of one kind a parent can number. */
    static int capacity(RegionLevel level, VillageKind kind) {
        return level == RegionLevel.VILLAGE ? kind.lastNumber() - kind.firstNumber() + 1 : 999;
    }

    /** The code of the parent a code of this level implies. */
    static String parentCodeOf(String code, RegionLevel level) {
        return level.parentLevel().map(p -> code.substring(0, p.codeLength())).orElse(null);
    }

    private static Optional<Violation> segment(String code, String segment, String range) {
        return Optional.of(new Violation(ImportProblem.Type.CODE_SEGMENT_OUT_OF_RANGE, code, segment, range));
    }

    private static int number(String code, int from, int to) {
        return Integer.parseInt(code.substring(from, to));
    }
}

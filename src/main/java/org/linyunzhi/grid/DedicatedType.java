package org.linyunzhi.grid;

import java.util.Optional;

/**
 * What a dedicated micro-grid (专属微网格) is drawn around. The digit is the first digit of the
 * dedicated micro-grid's own code segment; ordinary micro-grids use 0.
 */
public enum DedicatedType {
    ENTERPRISE('1'),
    SCHOOL('2'),
    MARKET('3'),
    HOSPITAL('4'),
    CONSTRUCTION_SITE('5'),
    SCENIC_AREA('6');

    private final char digit;

    DedicatedType(char digit) {
        this.digit = digit;
    }

    public char digit() {
        return digit;
    }

    public static Optional<DedicatedType> ofDigit(char digit) {
        for (DedicatedType type : values()) {
            if (type.digit == digit) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

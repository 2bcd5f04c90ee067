package org.linyunzhi.registry.internal;

import java.util.Optional;

/** What a house is used for (the contract's codes). */
enum HouseUse {
    RESIDENTIAL, SHOP, WAREHOUSE, WORKSHOP, MIXED;

    static Optional<HouseUse> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (HouseUse use : values()) {
            if (use.name().equalsIgnoreCase(code.strip())) {
                return Optional.of(use);
            }
        }
        return Optional.empty();
    }
}

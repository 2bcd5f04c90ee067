package org.linyunzhi.registry.internal;

import java.util.Optional;

/** What a house is used for (the contract's codes). */
enum HouseUse {
    RESIDENTIAL, SHOP, WAREHOUSE, WORKSHOP, MIXED;

    static Optional<HouseUse> parse(String code) {
        return Codes.parse(HouseUse.class, code);
    }
}

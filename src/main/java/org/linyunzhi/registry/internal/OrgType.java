package org.linyunzhi.registry.internal;

import java.util.Optional;
import org.linyunzhi.grid.DedicatedType;

/**
 * The organisation types of the contract (dictionary codes). Some are what a kind of dedicated
 * micro-grid (专属微网格) is drawn around: such an organisation belongs to the dedicated micro-grid
 * holding it.
 */
enum OrgType {
    ACCOMMODATION(null),
    RESTAURANT(null),
    FACTORY(DedicatedType.ENTERPRISE),
    SCHOOL(DedicatedType.SCHOOL),
    MARKET(DedicatedType.MARKET),
    SHOP(null),
    HOSPITAL(DedicatedType.HOSPITAL),
    CONSTRUCTION(DedicatedType.CONSTRUCTION_SITE),
    OTHER(null);

    private final DedicatedType dedicated;

    OrgType(DedicatedType dedicated) {
        this.dedicated = dedicated;
    }

    Optional<DedicatedType> dedicated() {
        return Optional.ofNullable(dedicated);
    }

    static Optional<OrgType> parse(String code) {
        return Codes.parse(OrgType.class, code);
    }
}

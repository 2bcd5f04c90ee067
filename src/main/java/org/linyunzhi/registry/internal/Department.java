package org.linyunzhi.registry.internal;

import java.util.Optional;

/**
 * The departments that supply registry files (公安 for residents, 住建 for houses, 市场监管 for
 * businesses …). A record lists every department that supplied it, so a conflict report can say
 * whose value is whose.
 */
enum Department {
    PUBLIC_SECURITY, CIVIL_AFFAIRS, MARKET_REGULATION, HOUSING, EDUCATION, HEALTH, EMERGENCY;

    static Optional<Department> parse(String code) {
        return Codes.parse(Department.class, code);
    }
}

package org.linyunzhi.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * Who a user is, for modules that name people in their records (a task's issuer and its
 * department) or link them to other records (a grid staff member's login). Answers are not
 * filtered by a data scope: callers only name or link, they never list accounts.
 */
public interface UserDirectory {

    Optional<Person> byUsername(String username);

    Optional<Person> byId(UUID id);

    /**
     * @param departmentId   the town department the user works for, or null
     * @param departmentName the department's Chinese name, or null
     */
    record Person(UUID id, String username, String displayName, String regionCode, UUID departmentId,
                  String departmentName, boolean enabled) {
    }
}

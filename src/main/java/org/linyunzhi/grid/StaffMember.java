package org.linyunzhi.grid;

import java.util.UUID;

/**
 * A person holding a role on a node, as other modules see it: tasks name them as the person
 * responsible (负责人). {@code userId} is their login account when one is linked, otherwise null
 * (many volunteers never sign in).
 */
public record StaffMember(UUID staffId, String name, StaffRole role, String nodeCode, UUID userId) {
}

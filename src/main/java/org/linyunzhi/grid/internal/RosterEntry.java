package org.linyunzhi.grid.internal;

/**
 * One line of a roster import: a person in a role on a node.
 *
 * @param nodeCode  the node's region code
 * @param role      a {@link org.linyunzhi.grid.StaffRole} name, e.g. GRID_HEAD, MICRO_GRID_MEMBER
 * @param personKey identifies the same person across lines (and across imports)
 * @param gender    MALE or FEMALE (男/女 accepted), or null
 * @param phone     the person's work phone, or null
 */
public record RosterEntry(String nodeCode, String role, String personKey, String name, String gender, String phone) {
}

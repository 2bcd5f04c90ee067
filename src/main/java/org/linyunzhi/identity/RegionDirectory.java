package org.linyunzhi.identity;

import java.util.List;
import java.util.Optional;

/**
 * What identity needs to know of the region tree, implemented by the grid module. Identity binds
 * users to region nodes but must not depend on grid (grid depends on identity for the current
 * user), so the dependency is inverted through this interface.
 */
public interface RegionDirectory {

    Optional<Region> find(String code);

    /** Direct children of a node, in display order; the root's children when code is null. */
    List<Region> children(String code);

    record Region(String code, String name, String level, boolean hasChildren) {
    }
}

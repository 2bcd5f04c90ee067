package org.linyunzhi.grid.internal;

import java.util.List;
import java.util.Optional;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.identity.RegionDirectory;
import org.springframework.stereotype.Component;

/** Identity's view of the region tree, so it can bind users to nodes without depending on grid. */
@Component
class GridRegionDirectory implements RegionDirectory {

    private final RegionNodes nodes;

    GridRegionDirectory(RegionNodes nodes) {
        this.nodes = nodes;
    }

    @Override
/** Any node, unscoped: identity binds users to nodes anywhere in the tree. */
    public Optional<Region> find(String code) {
        return code == null ? Optional.empty() : nodes.find(code, DataScope.all()).map(GridRegionDirectory::region);
    }

    @Override
/** Children in code order, or the towns for null. */
    public List<Region> children(String code) {
        return nodes.childrenOrTowns(code).stream().map(GridRegionDirectory::region).toList();
    }

    private static Region region(StoredNode n) {
        return new Region(n.code(), n.name(), n.level().name(), n.childCount() > 0);
    }
}

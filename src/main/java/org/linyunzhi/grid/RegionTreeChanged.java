package org.linyunzhi.grid;

/**
 * Published after the region tree changed (an import, a boundary or name edit). Caches of node
 * names or polygons in any module rebuild on it; {@code version} is the tree version now stored.
 */
public record RegionTreeChanged(long version) {
}

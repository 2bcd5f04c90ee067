/**
 * The spine of the platform: the region tree town → village/community → grid → micro-grid and
 * dedicated micro-grid, its polygons and codes, who staffs each node, and which micro-grid holds a
 * point. Other modules route through {@link org.linyunzhi.grid.GridApi}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Grid")
package org.linyunzhi.grid;

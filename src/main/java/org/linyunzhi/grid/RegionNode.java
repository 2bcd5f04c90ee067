package org.linyunzhi.grid;

/**
 * A node of the region tree as other modules see it.
 *
 * @param villageKind   set on VILLAGE nodes only
 * @param dedicatedType set on DEDICATED_MICRO_GRID nodes only
 * @param parentCode    null for a town
 */
public record RegionNode(String code, String name, RegionLevel level, VillageKind villageKind,
                         DedicatedType dedicatedType, String parentCode) {
}

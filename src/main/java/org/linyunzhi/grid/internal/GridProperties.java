package org.linyunzhi.grid.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Tolerances and limits of the region tree ({@code linyunzhi.grid.*}). Areas are square metres on
 * the ground, computed in a local equirectangular projection at the town's latitude.
 *
 * @param edgeToleranceM           how far apart two edges meant to coincide may lie (coordinates are
 *                                 rounded to 6 decimals, about 0.1 m); slivers thinner than this are
 *                                 neither overlaps, holes nor a child outside its parent, however long
 * @param outsideParentToleranceM2 how much of a child may stick out of its parent beyond the edge tolerance
 * @param overlapToleranceM2       how much two siblings that must not overlap may still share
 * @param minHoleM2                gaps smaller than this are not listed as holes in the coverage report
 * @param importMaxSize            larger tree imports are refused with 413
 * @param treeVersionCheck         how often a node checks the stored tree version, to rebuild its
 *                                 index after another node of a cluster changed the tree
 */
@ConfigurationProperties("linyunzhi.grid")
public record GridProperties(@DefaultValue("1.0") double edgeToleranceM,
                             @DefaultValue("100") double outsideParentToleranceM2,
                             @DefaultValue("100") double overlapToleranceM2,
                             @DefaultValue("100") double minHoleM2,
                             @DefaultValue("16MB") DataSize importMaxSize,
                             @DefaultValue("10s") Duration treeVersionCheck) {

    public static GridProperties defaults() {
        return new GridProperties(1.0, 100, 100, 100, DataSize.ofMegabytes(16), Duration.ofSeconds(10));
    }
}

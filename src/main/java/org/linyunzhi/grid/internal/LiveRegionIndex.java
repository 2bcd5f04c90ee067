package org.linyunzhi.grid.internal;

import java.util.List;
import org.linyunzhi.grid.RegionTreeChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The spatial index this application node answers from, kept in step with the stored tree.
 * This node rebuilds right after it commits a change ({@link RegionTreeChanged}); other nodes of a
 * cluster notice the bumped {@code grid_tree_state.version} on their next periodic check (one
 * indexed single-row read every {@code linyunzhi.grid.tree-version-check}) and rebuild then.
 */
@Component
class LiveRegionIndex {

    private static final Logger log = LoggerFactory.getLogger(LiveRegionIndex.class);

    private final RegionNodes nodes;
    private volatile RegionIndex index = RegionIndex.empty();

    LiveRegionIndex(RegionNodes nodes) {
        this.nodes = nodes;
    }

    /** The current index, built on first use. */
    RegionIndex current() {
        RegionIndex current = index;
        if (current.version() < 0) {
            return rebuild();
        }
        return current;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(RegionTreeChanged changed) {
        if (index.version() < changed.version()) {
            rebuild();
        }
    }

    @Scheduled(fixedDelayString = "${linyunzhi.grid.tree-version-check:10s}",
            initialDelayString = "${linyunzhi.grid.tree-version-check:10s}")
    void catchUpWithOtherNodes() {
        if (nodes.version() != index.version()) {
            rebuild();
        }
    }

    /** Reads the whole tree and swaps a fresh index in; readers keep the old one meanwhile. */
    synchronized RegionIndex rebuild() {
        long started = System.nanoTime();
        long version = nodes.version();
        if (index.version() == version) {
            return index;
        }
        List<RegionIndex.Region> regions = nodes.shapes(null, null).stream()
                .map(r -> new RegionIndex.Region(
                        new org.linyunzhi.grid.RegionNode(r.code(), r.name(), r.level(), r.villageKind(),
                                r.dedicatedType(), r.parentCode()),
                        StoredSurroundings.parse(r.boundary())))
                .toList();
        RegionIndex fresh = new RegionIndex(regions, version);
        index = fresh;
        log.info("Region index v{} built: {} nodes, {} micro-grids in {} ms", version, regions.size(),
                fresh.microGridCount(), (System.nanoTime() - started) / 1_000_000);
        return fresh;
    }
}

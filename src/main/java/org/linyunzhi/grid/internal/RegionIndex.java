package org.linyunzhi.grid.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.ItemVisitor;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable in-memory index answering "which micro-grid holds this point". An STRtree over the
 * micro-grids' envelopes narrows a point to a handful of candidates; each candidate answers with the
 * interval-tree point-in-area locator that JTS's PreparedPolygon uses internally, called directly so
 * a lookup allocates almost nothing. A new index is built whenever the tree changes and swapped in
 * whole, so readers never lock. Public (within the module's internal package) for the locate
 * benchmark, which builds it from a feature collection without a database.
 */
public final class RegionIndex {

    /** A node and its polygon (lon/lat), as read from storage or built by a benchmark. */
    public record Region(RegionNode node, Geometry boundary) {
    }

    private record Candidate(RegionNode node, IndexedPointInAreaLocator locator) {
    }

    private final STRtree microGrids = new STRtree();
    private final Map<String, RegionNode> nodes = new HashMap<>();
    private final long version;
    private final int microGridCount;

    public RegionIndex(List<Region> regions, long version) {
        this.version = version;
        int count = 0;
        for (Region r : regions) {
            nodes.put(r.node().code(), r.node());
            if (r.node().level().isMicroGrid()) {
                var locator = new IndexedPointInAreaLocator(r.boundary());
                // builds the locator's own index now, before the index is shared between threads
                locator.locate(r.boundary().getCoordinate());
                microGrids.insert(r.boundary().getEnvelopeInternal(), new Candidate(r.node(), locator));
                count++;
            }
        }
        microGrids.build();
        this.microGridCount = count;
    }

    /** The nodes of a feature collection in the contract format, without validating the tree. */
    public static List<Region> regionsOf(String featureCollection) {
        FeatureCollectionReader.Result read = FeatureCollectionReader.read(featureCollection);
        if (!read.problems().isEmpty()) {
            throw new IllegalArgumentException("not a readable region tree: " + read.problems().get(0).type());
        }
        return read.features().stream().map(f -> new Region(
                new RegionNode(f.code, f.name, f.level, f.villageKind, f.dedicatedType, f.parentCode), f.lonLat)).toList();
    }

    static RegionIndex empty() {
        return new RegionIndex(List.of(), -1);
    }

    long version() {
        return version;
    }

    public int microGridCount() {
        return microGridCount;
    }

    RegionNode node(String code) {
        return code == null ? null : nodes.get(code);
    }

    /**
     * The micro-grid holding the point: a dedicated micro-grid wins over the ordinary one it lies
     * in; on a border shared by two micro-grids the smaller code wins, so the answer is stable.
     *
     * @return null when no micro-grid holds the point
     */
    public RegionNode microGridAt(double lon, double lat) {
        Finder finder = new Finder(new Coordinate(lon, lat));
        microGrids.query(new Envelope(lon, lon, lat, lat), finder);
        return finder.best;
    }

    private static final class Finder implements ItemVisitor {
        private final Coordinate point;
        private RegionNode best;

        Finder(Coordinate point) {
            this.point = point;
        }

        @Override
        public void visitItem(Object item) {
            Candidate c = (Candidate) item;
            if (best != null && !beats(c.node, best)) {
                return;
            }
            if (c.locator.locate(point) != Location.EXTERIOR) {
                best = c.node;
            }
        }

        private static boolean beats(RegionNode candidate, RegionNode current) {
            boolean dedicated = candidate.level() == RegionLevel.DEDICATED_MICRO_GRID;
            boolean currentDedicated = current.level() == RegionLevel.DEDICATED_MICRO_GRID;
            if (dedicated != currentDedicated) {
                return dedicated;
            }
            return candidate.code().compareTo(current.code()) < 0;
        }
    }
}

package org.linyunzhi.grid.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable in-memory index answering "which micro-grid holds this point", in two levels. A
 * uniform grid of cells over the micro-grids' extent keeps, per cell, the micro-grids that reach
 * into it, dedicated ones first; a cell wholly inside one micro-grid answers without any geometry
 * test. Otherwise each candidate answers with the interval-tree point-in-area locator that JTS's
 * PreparedPolygon uses internally, called directly so a lookup allocates nothing. The cells are
 * filled from an STRtree of the micro-grids' envelopes. A new index is built whenever the tree
 * changes and swapped in whole, so readers never lock. Public (within the module's internal
 * package) for the locate benchmark, which builds it from a feature collection without a database.
 */
public final class RegionIndex {

    /** A node and its polygon (lon/lat), as read from storage or built by a benchmark. */
    public record Region(RegionNode node, Geometry boundary) {
    }

    private record Candidate(RegionNode node, IndexedPointInAreaLocator locator) {
    }

    /** Cells per micro-grid: enough that most cells lie inside one micro-grid. */
    private static final int CELLS_PER_MICRO_GRID = 16;
    private static final int MAX_CELLS = 1 << 22;
    private static final Candidate[] NONE = new Candidate[0];

    private final Map<String, RegionNode> nodes = new HashMap<>();
    private final long version;
    private final int microGridCount;
    private final double minX;
    private final double minY;
    private final double cellWidth;
    private final double cellHeight;
    private final int columns;
    private final int rows;
    /** per cell: the candidates in precedence order (dedicated first, then by code) */
    private final Candidate[][] cells;
    /** per cell: the one micro-grid covering the whole cell, or null */
    private final RegionNode[] solid;

    public RegionIndex(List<Region> regions, long version) {
        this.version = version;
        STRtree tree = new STRtree();
        Envelope extent = new Envelope();
        int count = 0;
        for (Region r : regions) {
            nodes.put(r.node().code(), r.node());
            if (r.node().level().isMicroGrid()) {
                var locator = new IndexedPointInAreaLocator(r.boundary());
                // builds the locator's own index now, before the index is shared between threads
                locator.locate(r.boundary().getCoordinate());
                tree.insert(r.boundary().getEnvelopeInternal(), new Object[] {new Candidate(r.node(), locator),
                        PreparedGeometryFactory.prepare(r.boundary())});
                extent.expandToInclude(r.boundary().getEnvelopeInternal());
                count++;
            }
        }
        this.microGridCount = count;
        double aspect = extent.isNull() || extent.getHeight() == 0 ? 1 : extent.getWidth() / extent.getHeight();
        double wanted = Math.min(MAX_CELLS, Math.max(1, (double) count * CELLS_PER_MICRO_GRID));
        this.columns = extent.isNull() ? 1 : (int) Math.max(1, Math.ceil(Math.sqrt(wanted * aspect)));
        this.rows = extent.isNull() ? 1 : (int) Math.max(1, Math.ceil(wanted / columns));
        this.minX = extent.isNull() ? 0 : extent.getMinX();
        this.minY = extent.isNull() ? 0 : extent.getMinY();
        this.cellWidth = extent.isNull() ? 1 : Math.max(extent.getWidth() / columns, 1e-12);
        this.cellHeight = extent.isNull() ? 1 : Math.max(extent.getHeight() / rows, 1e-12);
        this.cells = new Candidate[columns * rows][];
        this.solid = new RegionNode[columns * rows];
        if (count > 0) {
            fill(tree);
        } else {
            java.util.Arrays.fill(cells, NONE);
        }
    }

    /**
     * Lists, per cell, the micro-grids that really reach into it (the STRtree gives envelope
     * candidates, prepared intersects() drops those that only come near), and marks the cells a
     * single micro-grid covers whole.
     */
    private void fill(STRtree tree) {
        GeometryFactory factory = new GeometryFactory();
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < columns; col++) {
                Envelope cell = new Envelope(minX + col * cellWidth, minX + (col + 1) * cellWidth,
                        minY + row * cellHeight, minY + (row + 1) * cellHeight);
                Geometry box = factory.toGeometry(cell);
                List<Candidate> found = new ArrayList<>();
                PreparedGeometry only = null;
                for (Object item : tree.query(cell)) {
                    Object[] pair = (Object[]) item;
                    PreparedGeometry shape = (PreparedGeometry) pair[1];
                    if (shape.intersects(box)) {
                        found.add((Candidate) pair[0]);
                        only = shape;
                    }
                }
                found.sort(PRECEDENCE);
                int i = row * columns + col;
                cells[i] = found.isEmpty() ? NONE : found.toArray(Candidate[]::new);
                if (found.size() == 1 && only.covers(box)) {
                    solid[i] = found.get(0).node();
                }
            }
        }
    }

    /** A dedicated micro-grid wins over the ordinary one it lies in; then the smaller code. */
    private static final Comparator<Candidate> PRECEDENCE = Comparator
            .comparing((Candidate c) -> c.node().level() != RegionLevel.DEDICATED_MICRO_GRID)
            .thenComparing(c -> c.node().code());

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
        // two multiplications find the cell; no tree walk, no allocation on the solid-cell path
        int col = (int) Math.floor((lon - minX) / cellWidth);
        int row = (int) Math.floor((lat - minY) / cellHeight);
        // the extent's east and north edges belong to the last cell
        if (col == columns && lon == minX + columns * cellWidth) col--;
        if (row == rows && lat == minY + rows * cellHeight) row--;
        if (col < 0 || row < 0 || col >= columns || row >= rows) {
            return null;
        }
        int i = row * columns + col;
        RegionNode whole = solid[i];
        if (whole != null) {
            return whole;
        }
        // candidates are in precedence order, so the first that holds the point is the answer
        Coordinate point = new Coordinate(lon, lat);
        for (Candidate c : cells[i]) {
            if (c.locator().locate(point) != Location.EXTERIOR) {
                return c.node();
            }
        }
        return null;
    }
}

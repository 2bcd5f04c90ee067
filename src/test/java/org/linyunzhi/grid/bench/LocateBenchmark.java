package org.linyunzhi.grid.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.grid.internal.RegionIndex;
import org.linyunzhi.grid.internal.demo.DemoTownGenerator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Point routing side by side on the same points: (a) our STRtree + point-in-area index, (b) a naive
 * scan over every prepared polygon, (c) one PostgreSQL query per point with {@code polygon @> point}
 * on a GiST-indexed table (embedded PostgreSQL, started by the benchmark). Regions: the demo town
 * (the demo generator's, as the demo profile loads it) and a flat Voronoi tiling of 100,000 cells. Not a test: run it with the command in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class LocateBenchmark {

    /** Query points per run; cycled so every method answers exactly the same questions. */
    private static final int POINTS = 1 << 14;

    @Param({"demoTown", "voronoi100k"})
    public String region;

    private RegionIndex index;
    private PreparedGeometry[] prepared;
    private boolean[] dedicated;
    private RegionNode[] nodes;
    private final double[] xs = new double[POINTS];
    private final double[] ys = new double[POINTS];
    private final GeometryFactory factory = new GeometryFactory();
    private int next;

    private static final String ROUTE = "SELECT code FROM bench_region"
            + " WHERE shape @> polygon(box(point(?, ?), point(?, ?))) AND shape @> point(?, ?)"
            + " ORDER BY dedicated DESC, code LIMIT 1";

    private EmbeddedPostgres postgres;
    private Connection connection;
    private PreparedStatement query;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<RegionIndex.Region> regions = "demoTown".equals(region)
                ? RegionIndex.regionsOf(demoTown())
                : SyntheticTown.flatRegion(100_000, 119.0, 29.0, 2.0, 2.0, 7);
        List<RegionIndex.Region> microGrids = regions.stream().filter(r -> r.node().level().isMicroGrid()).toList();
        index = new RegionIndex(regions, 1);
        prepared = new PreparedGeometry[microGrids.size()];
        dedicated = new boolean[microGrids.size()];
        nodes = new RegionNode[microGrids.size()];
        Envelope all = new Envelope();
        for (int i = 0; i < microGrids.size(); i++) {
            prepared[i] = PreparedGeometryFactory.prepare(microGrids.get(i).boundary());
            dedicated[i] = microGrids.get(i).node().level() == RegionLevel.DEDICATED_MICRO_GRID;
            nodes[i] = microGrids.get(i).node();
            all.expandToInclude(microGrids.get(i).boundary().getEnvelopeInternal());
        }
        Random random = new Random(11);
        for (int i = 0; i < POINTS; i++) {
            xs[i] = all.getMinX() + random.nextDouble() * all.getWidth();
            ys[i] = all.getMinY() + random.nextDouble() * all.getHeight();
        }
        startPostgres(microGrids);
        System.out.printf("%n[%s] %d micro-grids (%d dedicated) over %s%n", region, microGrids.size(),
                java.util.stream.IntStream.range(0, dedicated.length).filter(i -> dedicated[i]).count(), all);
    }

    /** The demo town, as the demo profile loads it. */
    static String demoTown() {
        return new DemoTownGenerator().featureCollection();
    }

    private void startPostgres(List<RegionIndex.Region> microGrids) throws Exception {
        {
            postgres = EmbeddedPostgres.builder().start();
            connection = postgres.getPostgresDatabase().getConnection();
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE bench_region (code text, dedicated boolean, shape polygon)");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bench_region VALUES (?, ?, CAST(? AS polygon))")) {
                int n = 0;
                for (RegionIndex.Region r : microGrids) {
                    // a PostgreSQL polygon has no holes and one ring: each part's shell
                    for (int p = 0; p < r.boundary().getNumGeometries(); p++) {
                        insert.setString(1, r.node().code());
                        insert.setBoolean(2, r.node().level() == RegionLevel.DEDICATED_MICRO_GRID);
                        insert.setString(3, polygonLiteral((Polygon) r.boundary().getGeometryN(p)));
                        insert.addBatch();
                        if (++n % 5000 == 0) insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE INDEX bench_region_shape ON bench_region USING gist (shape)");
                s.execute("ANALYZE bench_region");
            }
            // GiST's poly_ops cannot search by a point, but it can by a polygon: the point as a
            // one-point polygon finds the candidates, the native polygon @> point test decides
            query = connection.prepareStatement(ROUTE);
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + ROUTE)) {
                explain.setDouble(1, 120.25);
                explain.setDouble(2, 30.05);
                explain.setDouble(3, 120.25);
                explain.setDouble(4, 30.05);
                explain.setDouble(5, 120.25);
                explain.setDouble(6, 30.05);
                ResultSet plan = explain.executeQuery();
                StringBuilder text = new StringBuilder();
                while (plan.next()) text.append("\n    ").append(plan.getString(1));
                System.out.println("[postgres plan]" + text);
            }
        }
    }

    private static String polygonLiteral(Polygon p) {
        StringBuilder s = new StringBuilder("(");
        Coordinate[] ring = p.getExteriorRing().getCoordinates();
        for (int i = 0; i < ring.length - 1; i++) {
            if (i > 0) s.append(',');
            s.append('(').append(ring[i].x).append(',').append(ring[i].y).append(')');
        }
        return s.append(')').toString();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (connection != null) connection.close();
        if (postgres != null) postgres.close();
    }

    private int nextPoint() {
        int i = next;
        next = (i + 1) & (POINTS - 1);
        return i;
    }

    @Benchmark
    public RegionNode index() {
        int i = nextPoint();
        return index.microGridAt(xs[i], ys[i]);
    }

    @Benchmark
    public RegionNode naiveScan() {
        int i = nextPoint();
        Geometry point = factory.createPoint(new Coordinate(xs[i], ys[i]));
        RegionNode found = null;
        for (int k = 0; k < prepared.length; k++) {
            if ((found == null || dedicated[k]) && prepared[k].covers(point)) {
                found = nodes[k];
                if (dedicated[k]) break;
            }
        }
        return found;
    }

    @Benchmark
    public String postgres() throws SQLException {
        int i = nextPoint();
        for (int p = 1; p <= 6; p += 2) {
            query.setDouble(p, xs[i]);
            query.setDouble(p + 1, ys[i]);
        }
        try (ResultSet rs = query.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}

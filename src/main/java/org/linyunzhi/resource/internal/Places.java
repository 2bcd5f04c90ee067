package org.linyunzhi.resource.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.resource.NearbyResource;
import org.linyunzhi.resource.ResourceKind;
import org.linyunzhi.resource.ResourcePlace;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Resources on the map: the nearest of a kind to a point, and those inside a box.
 * <p>
 * Nearest: PostgreSQL's GiST index on {@code point(lon, lat)} walks rows in order of the plain
 * Euclidean distance in degrees ({@code position <-> point}), which is not the distance on the
 * ground: at Linpu (30°N) a degree of longitude is only cos 30° ≈ 0.87 of a degree of latitude,
 * so a shelter 1 km east ranks behind one 1.1 km north. We therefore take more candidates than
 * asked, measure each by great-circle distance, and stop only when it is proven that no row left
 * unread can be nearer than the k-th found: every unread row is at least as far in degrees as the
 * last row read, D, so at least R·D·cos(φmax) away on the ground, φmax being the highest latitude
 * such a row can have. When the k-th true distance is over that bound we read twice as many and
 * look again. One round almost always suffices (2k candidates).
 */
@Component
class Places {

    static final int MAX_K = 100;
    static final int MAX_WITHIN = 10_000;
    /** great-circle paths bulge poleward a little; a margin keeps the bound a true lower bound */
    private static final double BOUND_MARGIN = 0.99;

    private final JdbcClient jdbc;
    private final MessageSource messages;

    Places(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** A row of a place table before its summary is written. */
    record Row(UUID id, ResourceKind kind, String name, String status, double lon, double lat, String regionCode,
               int n1, int n2, int n3, String txt, double degrees) {
    }

    /** The k nearest of a kind within the scope, nearest first, with true distances. */
    List<NearbyResource> nearest(double lon, double lat, ResourceKind kind, int k, DataScope scope) {
        GreatCircle.check(lon, lat);
        if (k < 1 || k > MAX_K) {
            throw ResourceRefused.badInput("k", "resource.error.k", MAX_K);
        }
        if (kind == null) {
            throw ResourceRefused.badInput("kind", "resource.error.kind");
        }
        PlaceTable table = PlaceTable.of(kind);
        DataScope.SqlPredicate inScope = scope.predicate("t.region_code");
        // twice k, and a few more for small k, where one far candidate would otherwise force a second round
        int candidates = Math.max(2 * k, k + 8);
        while (true) {
            List<Row> rows = jdbc.sql(table.select + ", t.position <-> point(:lon, :lat) AS degrees FROM "
                            + table.table + " t WHERE " + inScope.sql()
                            + " ORDER BY t.position <-> point(:lon, :lat) LIMIT :n")
                    .params(inScope.params()).param("lon", lon).param("lat", lat).param("n", candidates)
                    .query((rs, i) -> row(rs, kind, true)).list();
            // measured first, summaries written only for the k kept: most candidates are dropped
            record Measured(Row row, double metres) {
            }
            List<Measured> byMetres = rows.stream()
                    .map(r -> new Measured(r, GreatCircle.metres(lon, lat, r.lon(), r.lat())))
                    .sorted(Comparator.comparingDouble(Measured::metres)).toList();
            boolean allRead = rows.size() < candidates;
            if (allRead || byMetres.get(k - 1).metres() <= unreadAtLeast(lat, rows.get(rows.size() - 1).degrees())) {
                return byMetres.stream().limit(k).map(m -> new NearbyResource(place(m.row()), m.metres())).toList();
            }
            candidates *= 2;
        }
    }

    /** The fewest metres away a row can be whose Euclidean distance in degrees is at least {@code degrees}. */
    static double unreadAtLeast(double lat, double degrees) {
        double highestLat = Math.min(90, Math.abs(lat) + degrees);
        return BOUND_MARGIN * GreatCircle.EARTH_RADIUS_METRES * Math.toRadians(degrees)
                * Math.cos(Math.toRadians(highestLat));
    }

    /** Resources of the kinds inside the box (edges included), kinds in enum order, then by name. */
    List<ResourcePlace> within(double west, double south, double east, double north, Set<ResourceKind> kinds,
                               int limit, DataScope scope) {
        GreatCircle.checkLon("west", west);
        GreatCircle.checkLon("east", east);
        GreatCircle.checkLat("south", south);
        GreatCircle.checkLat("north", north);
        if (west > east || south > north) {
            throw ResourceRefused.badInput("bbox", "resource.error.bbox");
        }
        if (limit < 1 || limit > MAX_WITHIN) {
            throw ResourceRefused.badInput("limit", "resource.error.limit", MAX_WITHIN);
        }
        // no kinds named means every kind, the map's default
        Set<ResourceKind> wanted = kinds == null || kinds.isEmpty() ? EnumSet.allOf(ResourceKind.class) : EnumSet.copyOf(kinds);
        DataScope.SqlPredicate inScope = scope.predicate("t.region_code");
        List<ResourcePlace> places = new ArrayList<>();
        for (ResourceKind kind : wanted) {
            // the limit holds for all kinds together: later kinds get what earlier ones left
            if (places.size() >= limit) {
                break;
            }
            PlaceTable table = PlaceTable.of(kind);
            jdbc.sql(table.from() + " WHERE t.position <@ box(point(:w, :s), point(:e, :n)) AND " + inScope.sql()
                            + " ORDER BY t.name, t.id LIMIT :limit")
                    .params(inScope.params()).param("w", west).param("s", south).param("e", east).param("n", north)
                    .param("limit", limit - places.size())
                    .query((rs, i) -> row(rs, kind, false)).list()
                    .forEach(r -> places.add(place(r)));
        }
        return places;
    }

    /** One resource as the map sees it, if it exists and is in scope. */
    Optional<Row> row(ResourceKind kind, UUID id, DataScope scope) {
        PlaceTable table = PlaceTable.of(kind);
        DataScope.SqlPredicate inScope = scope.predicate("t.region_code");
        return jdbc.sql(table.from() + " WHERE t.id = :id AND " + inScope.sql())
                .params(inScope.params()).param("id", id)
                .query((rs, i) -> row(rs, kind, false)).optional();
    }

    /** Which kind a resource id belongs to, looking in the three tables. */
    Optional<ResourceKind> kindOf(UUID id) {
        return jdbc.sql("""
                        SELECT 'RESCUE_TEAM' FROM resource_team WHERE id = :id
                        UNION ALL SELECT 'SHELTER' FROM resource_shelter WHERE id = :id
                        UNION ALL SELECT 'WAREHOUSE' FROM resource_warehouse WHERE id = :id""")
                .param("id", id).query(String.class).optional().map(ResourceKind::valueOf);
    }

    ResourcePlace place(Row r) {
        Locale locale = readersLocale();
        String statusLabel = messages.getMessage("resource.status." + r.status(), null, r.status(), locale);
        String summary = messages.getMessage(PlaceTable.of(r.kind()).summaryKey,
                new Object[] {r.n1(), r.n2(), r.n3(), r.txt() == null ? "" : r.txt(), statusLabel}, locale);
        return new ResourcePlace(r.id(), r.kind(), r.name(), r.status(), r.lon(), r.lat(), summary);
    }

    /** The request's language; outside a request (a listener, a job) the town's own, not the JVM's. */
    private static Locale readersLocale() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        Locale locale = context == null ? null : context.getLocale();
        return locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
    }

    private static Row row(ResultSet rs, ResourceKind kind, boolean withDegrees) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), kind, rs.getString("name"), rs.getString("status"),
                rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("region_code"), rs.getInt("n1"),
                rs.getInt("n2"), rs.getInt("n3"), rs.getString("txt"), withDegrees ? rs.getDouble("degrees") : 0);
    }
}

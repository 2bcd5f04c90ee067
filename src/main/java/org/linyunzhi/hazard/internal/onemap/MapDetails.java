package org.linyunzhi.hazard.internal.onemap;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a click on the map shows besides the nearest resources: one hazard's card, and the
 * inspection points of a view. Both read the hazard module's own tables, inside the data scope.
 */
@Component
class MapDetails {

    /** Inspection points drawn at once; more in a view means the user should zoom in. */
    static final int MAX_POINTS = 2_000;

    private final JdbcClient db;

    MapDetails(JdbcClient db) {
        this.db = db;
    }

    record HazardCard(UUID id, String number, String title, String classCode, String className, String categoryCode,
                      String categoryName, int level, String status, boolean overdue, Instant foundAt, Instant deadline,
                      double lon, double lat, String regionCode) {
    }

    HazardCard hazard(UUID id, DataScope scope, boolean english) {
        DataScope.SqlPredicate s = scope.predicate("h.region_code");
        Map<String, Object> params = new LinkedHashMap<>(s.params());
        params.put("id", id);
        return db.sql("""
                SELECT h.id, h.number, h.title, h.class_code, %s AS class_name, h.category_code, c.name AS category_name,
                       h.level, h.status, h.overdue, h.found_at, h.deadline, h.lon, h.lat, h.region_code
                  FROM hazard_hazard h
                  LEFT JOIN hazard_category c ON c.code = h.category_code
                  LEFT JOIN hazard_class k ON k.code = h.class_code
                 WHERE h.id = :id AND %s""".formatted(english ? "k.name_en" : "k.name_zh", s.sql()))
                .params(params)
                .query((rs, n) -> new HazardCard(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getString("title"), rs.getString("class_code"), rs.getString("class_name"),
                        rs.getString("category_code"), rs.getString("category_name"), rs.getInt("level"),
                        rs.getString("status"), rs.getBoolean("overdue"), instant(rs.getTimestamp("found_at")),
                        instant(rs.getTimestamp("deadline")), rs.getDouble("lon"), rs.getDouble("lat"),
                        rs.getString("region_code")))
                .optional()
                .orElseThrow(OneMapProblems.HazardNotOnMap::new);
    }

    record InspectionPoint(UUID id, UUID campaignId, String name, String address, double lon, double lat,
                           boolean inspected, String result) {
    }

    record Points(List<InspectionPoint> points, boolean truncated) {
    }

    /** The inspection points in a view (of one campaign, if given), the uninspected first. */
    Points inspectionPoints(MapViewport view, UUID campaign, DataScope scope) {
        DataScope.SqlPredicate s = scope.predicate("p.region_code");
        Map<String, Object> params = new LinkedHashMap<>(s.params());
        params.put("west", view.west());
        params.put("south", view.south());
        params.put("east", view.east());
        params.put("north", view.north());
        params.put("campaign", campaign);
        List<InspectionPoint> list = db.sql("""
                SELECT p.id, p.campaign_id, p.name, p.address, p.lon, p.lat, p.inspected_at IS NOT NULL AS inspected, p.result
                  FROM hazard_inspection_point p
                 WHERE p.position <@ box(point(:west, :south), point(:east, :north))
                   AND (CAST(:campaign AS uuid) IS NULL OR p.campaign_id = :campaign) AND %s
                 ORDER BY p.inspected_at IS NOT NULL, p.id
                 LIMIT %d""".formatted(s.sql(), MAX_POINTS + 1))
                .params(params)
                .query((rs, n) -> new InspectionPoint(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
                        rs.getString("name"), rs.getString("address"), rs.getDouble("lon"), rs.getDouble("lat"),
                        rs.getBoolean("inspected"), rs.getString("result")))
                .list();
        boolean truncated = list.size() > MAX_POINTS;
        return new Points(truncated ? list.subList(0, MAX_POINTS) : list, truncated);
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

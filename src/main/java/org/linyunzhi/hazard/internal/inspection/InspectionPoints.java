package org.linyunzhi.hazard.internal.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inspection points and their visits, always read within the reader's data scope. */
@Repository
class InspectionPoints {

    /** A point with its campaign's name and period, as the phone lists it. */
    record Listed(InspectionPoint point, String campaignCode, String campaignName, CampaignType type,
                  LocalDate endsOn) {
    }

    /** One earlier visit of a point, for its history. */
    record PastVisit(UUID inspectionId, Instant at, String inspectorName, String result, String note, int failedItems,
                     List<UUID> photoIds) {

        public int photos() {
            return photoIds.size();
        }
    }

    private static final String LISTED = """
            SELECT p.*, c.code AS campaign_code, c.name AS campaign_name, c.type AS campaign_type, c.ends_on
              FROM hazard_inspection_point p JOIN hazard_campaign c ON c.id = p.campaign_id""";

    private final JdbcClient jdbc;

    InspectionPoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Listed> find(UUID id, DataScope scope) {
        DataScope.SqlPredicate in = scope.predicate("p.region_code");
        return jdbc.sql(LISTED + " WHERE p.id = :id AND " + in.sql()).params(in.params()).param("id", id)
                .query(InspectionPoints::listed).optional();
    }

    /**
     * The points of campaigns running today in the reader's part of the town, those not yet inspected
     * first; {@code regionPrefix} narrows it (a micro-grid from a task card).
     */
    List<Listed> open(DataScope scope, String regionPrefix, LocalDate today, int limit) {
        DataScope.SqlPredicate in = scope.predicate("p.region_code");
        return jdbc.sql(LISTED + " WHERE c.status = 'ACTIVE' AND :today BETWEEN c.starts_on AND c.ends_on"
                        + " AND p.region_code LIKE :prefix AND " + in.sql()
                        + " ORDER BY p.inspected_at IS NOT NULL, p.region_code, p.name, c.code LIMIT :limit")
                .params(in.params()).param("today", today).param("prefix", (regionPrefix == null ? "" : regionPrefix) + "%")
                .param("limit", limit)
                .query(InspectionPoints::listed).list();
    }

    /**
     * The points of every campaign running today at the same place (综合查一次): the same registry
     * place, or for a point drawn without one, the same name at the same position.
     */
    List<Listed> samePlace(InspectionPoint point, DataScope scope, LocalDate today) {
        DataScope.SqlPredicate in = scope.predicate("p.region_code");
        return jdbc.sql(LISTED + " WHERE c.status = 'ACTIVE' AND :today BETWEEN c.starts_on AND c.ends_on"
                        + " AND (p.id = :id OR (CAST(:place AS uuid) IS NOT NULL AND p.place_id = :place)"
                        + "      OR (CAST(:place AS uuid) IS NULL AND p.place_id IS NULL AND p.name = :name"
                        + "          AND p.lon = :lon AND p.lat = :lat))"
                        + " AND " + in.sql() + " ORDER BY p.id = :id DESC, c.code")
                .params(in.params()).param("today", today).param("id", point.id()).param("place", point.placeId())
                .param("name", point.name()).param("lon", point.lon()).param("lat", point.lat())
                .query(InspectionPoints::listed).list();
    }

    void recordVisit(UUID pointId, UUID inspectionId, Instant at, String result) {
        jdbc.sql("INSERT INTO hazard_inspection_visit_point (inspection_id, point_id, result) VALUES (:i, :p, :r)")
                .param("i", inspectionId).param("p", pointId).param("r", result).update();
        // a late upload of an older visit must not overwrite the newer state
        jdbc.sql("""
                UPDATE hazard_inspection_point
                   SET visits = visits + 1,
                       result = CASE WHEN inspected_at IS NULL OR inspected_at <= :at THEN :r ELSE result END,
                       inspected_at = greatest(inspected_at, :at)
                 WHERE id = :p""")
                .param("p", pointId).param("r", result).param("at", Timestamp.from(at)).update();
    }

    /** The visits of a point, newest first, with how many items failed and how many photos were taken. */
    List<PastVisit> history(UUID pointId) {
        return jdbc.sql("""
                SELECT i.id, i.inspected_at, i.inspector_name, v.result, i.note,
                       (SELECT count(*) FROM hazard_inspection_finding f
                         WHERE f.inspection_id = i.id AND f.point_id = v.point_id AND NOT f.passed) AS failed,
                       ARRAY(SELECT ph.id FROM hazard_inspection_photo ph WHERE ph.inspection_id = i.id
                              ORDER BY ph.created_at, ph.id) AS photos
                  FROM hazard_inspection_visit_point v JOIN hazard_inspection i ON i.id = v.inspection_id
                 WHERE v.point_id = :p ORDER BY i.inspected_at DESC""")
                .param("p", pointId)
                .query((rs, n) -> new PastVisit(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                        List.of((UUID[]) rs.getArray(7).getArray())))
                .list();
    }

    static Listed listed(ResultSet rs, int row) throws SQLException {
        Timestamp at = rs.getTimestamp("inspected_at");
        InspectionPoint p = new InspectionPoint(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
                rs.getObject("place_id", UUID.class), rs.getString("name"), rs.getString("address"),
                rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("region_code"),
                at == null ? null : at.toInstant(), rs.getString("result"), rs.getInt("visits"));
        return new Listed(p, rs.getString("campaign_code"), rs.getString("campaign_name"),
                CampaignType.valueOf(rs.getString("campaign_type")), rs.getObject("ends_on", LocalDate.class));
    }
}

package org.linyunzhi.hazard.internal.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.registry.RegistryPlace;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** InspectionCampaigns, their checklists, points and tasks ({@code hazard_campaign*}, {@code hazard_checklist_item}). */
@Repository
class InspectionCampaigns {

    /** A campaign with its figures, for the list and the detail page. */
    record Summary(Campaign campaign, int points, int inspected, int failed, int hazards) {
    }

    /** Progress of one region (a village or a micro-grid): points inspected out of all. */
    record Progress(String regionCode, int points, int inspected, int failed) {
    }

    /** What one department found at one point of the campaign. */
    record Finding(String pointName, String regionCode, Instant inspectedAt, String inspectorName, String itemText,
                   String department, boolean passed, String note, UUID hazardId) {
    }

    private static final String SUMMARY = """
            SELECT c.*,
                   (SELECT count(*) FROM hazard_inspection_point p WHERE p.campaign_id = c.id) AS points,
                   (SELECT count(*) FROM hazard_inspection_point p WHERE p.campaign_id = c.id
                       AND p.inspected_at IS NOT NULL) AS inspected,
                   (SELECT count(*) FROM hazard_inspection_point p WHERE p.campaign_id = c.id
                       AND p.result = 'FAIL') AS failed,
                   (SELECT count(DISTINCT f.hazard_id) FROM hazard_inspection_finding f WHERE f.campaign_id = c.id
                       AND f.hazard_id IS NOT NULL) AS hazards
              FROM hazard_campaign c""";

    private final JdbcClient jdbc;

    InspectionCampaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next readable code of the year (PC2026-0001); the lock keeps two creators from drawing one number. */
    String nextCode(int year) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('hazard_campaign_code'))").query(Object.class).single();
        String prefix = "PC" + year + "-";
        int last = jdbc.sql("SELECT coalesce(max(substring(code FROM 8)::int), 0) FROM hazard_campaign WHERE code LIKE :p")
                .param("p", prefix + "%").query(Integer.class).single();
        return prefix + String.format("%04d", last + 1);
    }

    void insert(Campaign c, List<ChecklistItem> items) {
        jdbc.sql("""
                INSERT INTO hazard_campaign (id, code, name, type, department, starts_on, ends_on, status,
                                             target_description, created_by, created_at)
                VALUES (:id, :code, :name, :type, :department, :startsOn, :endsOn, :status, :target, :by, :at)""")
                .param("id", c.id()).param("code", c.code()).param("name", c.name()).param("type", c.type().name())
                .param("department", c.department()).param("startsOn", c.startsOn()).param("endsOn", c.endsOn())
                .param("status", c.status()).param("target", c.targetDescription()).param("by", c.createdBy())
                .param("at", Timestamp.from(c.createdAt()))
                .update();
        for (ChecklistItem item : items) {
            jdbc.sql("""
                    INSERT INTO hazard_checklist_item (id, campaign_id, position, text, department, category_code)
                    VALUES (:id, :campaign, :position, :text, :department, :category)""")
                    .param("id", item.id()).param("campaign", c.id()).param("position", item.position())
                    .param("text", item.text()).param("department", item.department())
                    .param("category", item.categoryCode())
                    .update();
        }
    }

    /** Copies the chosen places as the campaign's points (a dedicated micro-grid wins over the ordinary one). */
    List<InspectionPoint> insertPoints(UUID campaignId, List<RegistryPlace> places) {
        List<InspectionPoint> points = places.stream().map(p -> new InspectionPoint(UUID.randomUUID(), campaignId, p.id(),
                p.name(), p.address(), p.lon(), p.lat(),
                p.dedicatedRegionCode() != null ? p.dedicatedRegionCode() : p.regionCode(), null, null, 0)).toList();
        int n = points.size();
        String[] ids = new String[n], placeIds = new String[n], names = new String[n], addresses = new String[n];
        String[] regions = new String[n];
        double[] lons = new double[n], lats = new double[n];
        for (int i = 0; i < n; i++) {
            InspectionPoint p = points.get(i);
            ids[i] = p.id().toString();
            placeIds[i] = p.placeId() == null ? null : p.placeId().toString();
            names[i] = p.name();
            addresses[i] = p.address();
            regions[i] = p.regionCode();
            lons[i] = p.lon();
            lats[i] = p.lat();
        }
        // one statement over arrays: a campaign of thousands of points is written in a blink
        jdbc.sql("""
                INSERT INTO hazard_inspection_point (id, campaign_id, place_id, name, address, lon, lat, position, region_code)
                SELECT CAST(id AS uuid), :campaign, CAST(place AS uuid), name, address, lon, lat, point(lon, lat), region
                  FROM unnest(CAST(:ids AS text[]), CAST(:places AS text[]), CAST(:names AS text[]),
                              CAST(:addresses AS text[]), CAST(:lons AS float8[]), CAST(:lats AS float8[]),
                              CAST(:regions AS text[])) AS v (id, place, name, address, lon, lat, region)""")
                .param("campaign", campaignId).param("ids", ids).param("places", placeIds).param("names", names)
                .param("addresses", addresses).param("lons", lons).param("lats", lats).param("regions", regions)
                .update();
        return points;
    }

    void insertTask(UUID campaignId, String regionCode, UUID taskId, String taskNumber) {
        jdbc.sql("""
                INSERT INTO hazard_campaign_task (campaign_id, region_code, task_id, task_number)
                VALUES (:campaign, :region, :task, :number)""")
                .param("campaign", campaignId).param("region", regionCode).param("task", taskId)
                .param("number", taskNumber).update();
    }

    Optional<Summary> find(UUID id) {
        return jdbc.sql(SUMMARY + " WHERE c.id = :id").param("id", id).query(InspectionCampaigns::summary).optional();
    }

    /** Newest first; a department officer's list is their department's campaigns. */
    List<Summary> list(String department, int limit) {
        return jdbc.sql(SUMMARY + " WHERE (CAST(:department AS varchar) IS NULL OR c.department = :department)"
                        + " ORDER BY c.starts_on DESC, c.code DESC LIMIT :limit")
                .param("department", department).param("limit", limit)
                .query(InspectionCampaigns::summary).list();
    }

    List<ChecklistItem> items(UUID campaignId) {
        return jdbc.sql("SELECT * FROM hazard_checklist_item WHERE campaign_id = :c ORDER BY position")
                .param("c", campaignId)
                .query((rs, n) -> new ChecklistItem(rs.getObject("id", UUID.class), campaignId, rs.getInt("position"),
                        rs.getString("text"), rs.getString("department"), rs.getString("category_code")))
                .list();
    }

    /** Points inspected out of all, grouped by the first {@code codeLength} digits (12 village, 19 micro-grid). */
    List<Progress> progress(UUID campaignId, int codeLength) {
        if (codeLength < 1 || codeLength > 19) {
            throw new IllegalArgumentException("a region code is 1..19 digits long");
        }
        // the length is a checked int, not user text; a bound parameter would not match GROUP BY's expression
        String region = "left(region_code, " + codeLength + ")";
        return jdbc.sql("SELECT " + region + " AS region, count(*) AS points, count(inspected_at) AS inspected,"
                        + " count(*) FILTER (WHERE result = 'FAIL') AS failed"
                        + " FROM hazard_inspection_point WHERE campaign_id = :c GROUP BY " + region + " ORDER BY 1")
                .param("c", campaignId)
                .query((rs, n) -> new Progress(rs.getString("region"), rs.getInt("points"), rs.getInt("inspected"),
                        rs.getInt("failed")))
                .list();
    }

    /** The campaign's findings owned by one department (all when null), newest first. */
    List<Finding> findings(UUID campaignId, String department, boolean failedOnly, int limit) {
        return jdbc.sql("""
                SELECT p.name, p.region_code, i.inspected_at, i.inspector_name, ci.text, f.department, f.passed,
                       f.note, f.hazard_id
                  FROM hazard_inspection_finding f
                  JOIN hazard_inspection i ON i.id = f.inspection_id
                  JOIN hazard_inspection_point p ON p.id = f.point_id
                  JOIN hazard_checklist_item ci ON ci.id = f.item_id
                 WHERE f.campaign_id = :c AND (CAST(:department AS varchar) IS NULL OR f.department = :department)
                   AND (NOT :failedOnly OR NOT f.passed)
                 ORDER BY i.inspected_at DESC, p.name, ci.position LIMIT :limit""")
                .param("c", campaignId).param("department", department).param("failedOnly", failedOnly)
                .param("limit", limit)
                .query((rs, n) -> new Finding(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8),
                        rs.getObject(9, UUID.class)))
                .list();
    }

    record CampaignTask(String regionCode, UUID taskId, String taskNumber) {
    }

    List<CampaignTask> tasks(UUID campaignId) {
        return jdbc.sql("SELECT region_code, task_id, task_number FROM hazard_campaign_task WHERE campaign_id = :c ORDER BY 1")
                .param("c", campaignId)
                .query((rs, n) -> new CampaignTask(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)))
                .list();
    }

    private static Summary summary(ResultSet rs, int row) throws SQLException {
        Campaign c = new Campaign(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                CampaignType.valueOf(rs.getString("type")), rs.getString("department"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getString("status"), rs.getString("target_description"), rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant());
        return new Summary(c, rs.getInt("points"), rs.getInt("inspected"), rs.getInt("failed"), rs.getInt("hazards"));
    }
}

package org.linyunzhi.hazard.internal.hazards;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.hazard.HazardLevel;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hazards table: loads a hazard within a data scope, inserts a found one, saves a change only
 * if nobody saved in between (optimistic locking on {@code version}) and appends the timeline.
 */
@Repository
class Hazards {

    static final ZoneId TOWN_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    static final String COLUMNS = """
            h.id, h.number, h.title, h.description, h.category_code, h.catalogue_version, h.class_code, h.level,
            h.status, h.source, h.source_ref, h.campaign_id, h.inspection_id, h.place_id, h.responsible_party,
            h.department, h.lon, h.lat, h.region_code, h.region_name, h.found_at, h.found_by, h.found_by_name,
            h.upstream_flag, h.ordered_at, h.deadline, h.evidence_note, h.evidence_at, h.reject_reason,
            h.closed_at, h.overdue, h.overdue_at, h.escalated_to, h.escalated_at, h.version""";

    private final JdbcClient jdbc;

    Hazards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next readable number of the day the hazard was found (Asia/Shanghai), drawn atomically. */
    String nextNumber(Instant foundAt) {
        LocalDate day = LocalDate.ofInstant(foundAt, TOWN_ZONE);
        int last = jdbc.sql("""
                        INSERT INTO hazard_number_counter (day, last) VALUES (:day, 1)
                        ON CONFLICT (day) DO UPDATE SET last = hazard_number_counter.last + 1
                        RETURNING last""")
                .param("day", day).query(Integer.class).single();
        return "YH" + DAY.format(day) + "-" + String.format("%04d", last);
    }

    Optional<Hazard> find(UUID id, DataScope scope) {
        DataScope.SqlPredicate in = scope.predicate("h.region_code");
        return jdbc.sql("SELECT " + COLUMNS + " FROM hazard_hazard h WHERE h.id = :id AND " + in.sql())
                .param("id", id).params(in.params()).query(Hazards::map).optional();
    }

    /** The hazard an event's external id filed, if any. */
    Optional<Hazard> findByEventRef(String sourceRef) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM hazard_hazard h WHERE h.source = 'EVENT' AND h.source_ref = :ref")
                .param("ref", sourceRef).query(Hazards::map).optional();
    }

    /** Inserts a found hazard and its first timeline entry; false when an event's external id was filed already. */
    boolean insert(Hazard hazard) {
        Hazard.Filed f = hazard.filed();
        int rows = jdbc.sql("""
                        INSERT INTO hazard_hazard (id, number, title, description, category_code, catalogue_version,
                            class_code, level, status, source, source_ref, campaign_id, inspection_id, place_id,
                            responsible_party, department, lon, lat, position, region_code, region_name, found_at,
                            found_by, found_by_name, deadline, upstream_flag, created_at, updated_at, version)
                        VALUES (:id, :number, :title, :description, :category, :catalogueVersion, :classCode, :level,
                            :status, :source, :sourceRef, :campaignId, :inspectionId, :placeId, :party, :department,
                            :lon, :lat, point(:lon, :lat), :region, :regionName, :foundAt, :foundBy, :foundByName,
                            :deadline, :upstream, :foundAt, :foundAt, 0)
                        ON CONFLICT DO NOTHING""")
                .param("id", f.id()).param("number", f.number()).param("title", f.title())
                .param("description", f.description()).param("category", f.categoryCode())
                .param("catalogueVersion", f.catalogueVersion()).param("classCode", f.classCode())
                .param("level", f.level().number()).param("status", hazard.status().name())
                .param("source", f.source().name()).param("sourceRef", f.sourceRef()).param("campaignId", f.campaignId())
                .param("inspectionId", f.inspectionId()).param("placeId", f.placeId())
                .param("party", f.responsibleParty()).param("department", f.department())
                .param("lon", f.lon()).param("lat", f.lat()).param("region", f.regionCode())
                .param("regionName", f.regionName()).param("foundAt", ts(f.foundAt())).param("foundBy", f.foundBy())
                .param("foundByName", f.foundByName()).param("deadline", ts(hazard.deadline()))
                .param("upstream", f.upstream())
                .update();
        if (rows == 1) {
            appendTimeline(hazard);
        }
        return rows == 1;
    }

    /** Saves the changed state if the row still has the version the hazard was loaded with; false otherwise. */
    boolean update(Hazard hazard, Instant now) {
        int rows = jdbc.sql("""
                        UPDATE hazard_hazard SET status = :status, ordered_at = :orderedAt, deadline = :deadline,
                            evidence_note = :evidenceNote, evidence_at = :evidenceAt, reject_reason = :rejectReason,
                            closed_at = :closedAt, overdue = :overdue, overdue_at = :overdueAt,
                            escalated_to = :escalatedTo, escalated_at = :escalatedAt, updated_at = :now,
                            version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("status", hazard.status().name()).param("orderedAt", ts(hazard.orderedAt()))
                .param("deadline", ts(hazard.deadline())).param("evidenceNote", hazard.evidenceNote())
                .param("evidenceAt", ts(hazard.evidenceAt())).param("rejectReason", hazard.rejectReason())
                .param("closedAt", ts(hazard.closedAt())).param("overdue", hazard.overdue())
                .param("overdueAt", ts(hazard.overdueAt()))
                .param("escalatedTo", hazard.escalatedTo() == null ? null : hazard.escalatedTo().number())
                .param("escalatedAt", ts(hazard.escalatedAt())).param("now", ts(now))
                .param("id", hazard.id()).param("version", hazard.version())
                .update();
        if (rows == 1) {
            appendTimeline(hazard);
        }
        return rows == 1;
    }

    List<TimelineEntry> timeline(UUID hazardId) {
        return jdbc.sql("""
                        SELECT at, actor_id, actor_name, action, from_status, to_status, comment
                        FROM hazard_timeline WHERE hazard_id = :id ORDER BY id""")
                .param("id", hazardId)
                .query((rs, n) -> new TimelineEntry(rs.getTimestamp("at").toInstant(),
                        rs.getObject("actor_id", UUID.class), rs.getString("actor_name"),
                        HazardAction.valueOf(rs.getString("action")),
                        rs.getString("from_status") == null ? null : HazardStatus.valueOf(rs.getString("from_status")),
                        HazardStatus.valueOf(rs.getString("to_status")), rs.getString("comment")))
                .list();
    }

    private void appendTimeline(Hazard hazard) {
        for (TimelineEntry e : hazard.newEntries()) {
            Map<String, Object> p = new HashMap<>();
            p.put("hazard", hazard.id());
            p.put("at", ts(e.at()));
            p.put("actorId", e.actorId());
            p.put("actorName", e.actorName());
            p.put("action", e.action().name());
            p.put("from", e.from() == null ? null : e.from().name());
            p.put("to", e.to().name());
            p.put("comment", e.comment());
            jdbc.sql("""
                            INSERT INTO hazard_timeline (hazard_id, at, actor_id, actor_name, action, from_status,
                                                         to_status, comment)
                            VALUES (:hazard, :at, :actorId, :actorName, :action, :from, :to, :comment)""")
                    .params(p).update();
        }
        hazard.newEntries().clear();
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Hazard map(ResultSet rs, int row) throws SQLException {
        Hazard.Filed filed = new Hazard.Filed(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getString("title"), rs.getString("description"), rs.getString("category_code"),
                rs.getInt("catalogue_version"), rs.getString("class_code"), HazardLevel.of(rs.getInt("level")),
                HazardSource.valueOf(rs.getString("source")), rs.getString("source_ref"),
                rs.getObject("campaign_id", UUID.class), rs.getObject("inspection_id", UUID.class),
                rs.getObject("place_id", UUID.class), rs.getString("responsible_party"), rs.getString("department"),
                rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("region_code"), rs.getString("region_name"),
                instant(rs, "found_at"), rs.getObject("found_by", UUID.class), rs.getString("found_by_name"),
                rs.getBoolean("upstream_flag"));
        int escalated = rs.getInt("escalated_to");
        return new Hazard(filed, rs.getInt("version"), HazardStatus.valueOf(rs.getString("status")),
                instant(rs, "ordered_at"), instant(rs, "deadline"), rs.getString("evidence_note"),
                instant(rs, "evidence_at"), rs.getString("reject_reason"), instant(rs, "closed_at"),
                rs.getBoolean("overdue"), instant(rs, "overdue_at"),
                escalated == 0 ? null : HazardLevel.of(escalated), instant(rs, "escalated_at"));
    }
}

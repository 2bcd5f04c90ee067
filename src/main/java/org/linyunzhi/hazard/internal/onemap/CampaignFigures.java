package org.linyunzhi.hazard.internal.onemap;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The campaign figures the town reports (28 campaigns, 2,451 points inspected, 360 hazards found,
 * 252 rectified, 70 %): counted from the records each time, never stored. Points and hazards are
 * counted inside the viewer's data scope, so a village cadre sees the village's share; the number
 * of campaigns is the town's, as campaigns are issued town-wide.
 */
@Component
class CampaignFigures {

    private final JdbcClient db;

    CampaignFigures(JdbcClient db) {
        this.db = db;
    }

    /**
     * @param rate rectified / found in per cent, one decimal; null when nothing was found
     */
    record Figures(long campaigns, long pointsInspected, long hazardsFound, long rectified, Double rate) {
        static Figures of(long campaigns, long points, long found, long rectified) {
            Double rate = found == 0 ? null : Math.round(rectified * 1000.0 / found) / 10.0;
            return new Figures(campaigns, points, found, rectified, rate);
        }

        /** "70 %", "57.1 %", or a dash when nothing was found: as the town writes it in its reports. */
        public String rateText() {
            if (rate == null) return "–";
            return (rate == Math.rint(rate) ? String.valueOf(rate.longValue()) : String.valueOf(rate)) + " %";
        }
    }

    record CampaignRow(UUID id, String code, String name, String type, String department, LocalDate startsOn,
                       LocalDate endsOn, String status, long points, long pointsInspected, Figures figures) {
    }

    /** The whole town's figures (within the scope): every hazard counts, whatever found it. */
    Figures overall(DataScope scope) {
        DataScope.SqlPredicate p = scope.predicate("p.region_code");
        DataScope.SqlPredicate h = scope.predicate("h.region_code");
        long campaigns = db.sql("SELECT count(*) FROM hazard_campaign").query(Long.class).single();
        long points = db.sql("SELECT count(*) FROM hazard_inspection_point p WHERE p.inspected_at IS NOT NULL AND "
                + p.sql()).params(p.params()).query(Long.class).single();
        var counts = db.sql("SELECT count(*) AS found, count(*) FILTER (WHERE h.status = 'CLOSED') AS rectified "
                        + "FROM hazard_hazard h WHERE " + h.sql())
                .params(h.params())
                .query((rs, n) -> new long[] {rs.getLong("found"), rs.getLong("rectified")}).single();
        return Figures.of(campaigns, points, counts[0], counts[1]);
    }

    /** One row per campaign, newest first: its points, those inspected, its hazards and how many are rectified. */
    List<CampaignRow> perCampaign(DataScope scope) {
        DataScope.SqlPredicate p = scope.predicate("p.region_code");
        DataScope.SqlPredicate h = scope.predicate("h.region_code");
        // the two predicates bind the same parameter names with the same values
        var params = new java.util.LinkedHashMap<String, Object>(p.params());
        params.putAll(h.params());
        return db.sql("""
                SELECT c.id, c.code, c.name, c.type, c.department, c.starts_on, c.ends_on, c.status,
                       coalesce(pt.points, 0) AS points, coalesce(pt.inspected, 0) AS inspected,
                       coalesce(hz.found, 0) AS found, coalesce(hz.rectified, 0) AS rectified
                  FROM hazard_campaign c
                  LEFT JOIN (SELECT p.campaign_id, count(*) AS points, count(p.inspected_at) AS inspected
                               FROM hazard_inspection_point p WHERE %s GROUP BY p.campaign_id) pt ON pt.campaign_id = c.id
                  LEFT JOIN (SELECT h.campaign_id, count(*) AS found, count(*) FILTER (WHERE h.status = 'CLOSED') AS rectified
                               FROM hazard_hazard h WHERE h.campaign_id IS NOT NULL AND %s GROUP BY h.campaign_id) hz
                         ON hz.campaign_id = c.id
                 ORDER BY c.starts_on DESC, c.code DESC""".formatted(p.sql(), h.sql()))
                .params(params)
                .query((rs, n) -> new CampaignRow(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                        rs.getString("type"), rs.getString("department"), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class), rs.getString("status"), rs.getLong("points"),
                        rs.getLong("inspected"),
                        Figures.of(1, rs.getLong("inspected"), rs.getLong("found"), rs.getLong("rectified"))))
                .list();
    }

    /** The campaigns for the map's filter: id, code and name, newest first. */
    List<CampaignRow> campaigns() {
        return db.sql("""
                SELECT c.id, c.code, c.name, c.type, c.department, c.starts_on, c.ends_on, c.status
                  FROM hazard_campaign c ORDER BY c.starts_on DESC, c.code DESC""")
                .query((rs, n) -> new CampaignRow(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                        rs.getString("type"), rs.getString("department"), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class), rs.getString("status"), 0, 0, null))
                .list();
    }
}

package org.linyunzhi.hazard.internal.inspection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.hazard.internal.hazards.HazardIntake;
import org.linyunzhi.hazard.internal.hazards.HazardPhotos;
import org.linyunzhi.hazard.internal.hazards.HazardRefused;
import org.linyunzhi.hazard.internal.hazards.HazardReport;
import org.linyunzhi.hazard.internal.hazards.ReportedHazard;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a visit to a point. The visit answers the checklists of every campaign running today at
 * the same place (综合查一次: one knock on the door for several departments); each finding keeps its
 * item's department, so each department reads only its own. A failed item may be reported as a
 * hazard through the hazard intake, in the same transaction: a refused report writes nothing.
 */
@Service
class Visits {

    /** What one visit at one place covers: the points (one per campaign) and their checklists. */
    record Plan(InspectionPoints.Listed point, List<InspectionPoints.Listed> points,
                Map<UUID, List<ChecklistItem>> itemsByCampaign) {
    }

    /** A recorded visit: its id, the points it covered and the hazards it reported. */
    record Recorded(UUID inspectionId, List<UUID> pointIds, List<UUID> hazardIds, List<String> hazardNumbers) {
    }

    private final InspectionPoints points;
    private final InspectionCampaigns campaigns;
    private final InspectionPhotos photos;
    private final HazardIntake intake;
    private final HazardPhotos hazardPhotos;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Clock clock;

    Visits(InspectionPoints points, InspectionCampaigns campaigns, InspectionPhotos photos, HazardIntake intake,
           HazardPhotos hazardPhotos, MessageSource messages, JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.points = points;
        this.campaigns = campaigns;
        this.photos = photos;
        this.intake = intake;
        this.hazardPhotos = hazardPhotos;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CampaignIssuing.TOWN_ZONE));
    }

    /** The form of a point: the point (404 outside the reader's scope) and everything checked there today. */
    Plan plan(UUID pointId, CurrentUser user) {
        InspectionPoints.Listed point = points.find(pointId, user.scope())
                .orElseThrow(() -> InspectionRefused.notFound("point"));
        List<InspectionPoints.Listed> merged = points.samePlace(point.point(), user.scope(), today());
        if (merged.stream().noneMatch(l -> l.point().id().equals(pointId))) {
            // the campaign is over or not yet running: its point can be read, not inspected
            merged = List.of();
        }
        Map<UUID, List<ChecklistItem>> items = new LinkedHashMap<>();
        for (InspectionPoints.Listed l : merged.isEmpty() ? List.of(point) : merged) {
            items.put(l.point().campaignId(), campaigns.items(l.point().campaignId()));
        }
        return new Plan(point, merged, items);
    }

    @Transactional
    Recorded record(UUID pointId, VisitForm form, CurrentUser user) {
        if (!user.permissions().contains("inspection:do")) {
            throw InspectionRefused.forbidden("inspection.error.permission");
        }
        Plan plan = plan(pointId, user);
        if (plan.points().isEmpty()) {
            throw InspectionRefused.badInput("point", "inspection.error.campaignNotRunning");
        }
        Map<UUID, VisitForm.Answer> answers = form.answers() == null ? Map.of() : form.answers();
        checkAnswers(plan, answers);
        checkPosition(form.lon(), form.lat());
        if (form.note() != null && form.note().length() > VisitForm.MAX_NOTE) {
            throw InspectionRefused.badInput("note", "inspection.error.tooLong", VisitForm.MAX_NOTE);
        }
        List<VisitForm.Photo> photoList = form.photos() == null ? List.of() : form.photos();
        InspectionPhotos.check(photoList);

        Instant now = clock.instant();
        UUID inspectionId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO hazard_inspection (id, inspected_at, inspector_id, inspector_name, lon, lat, note)
                VALUES (:id, :at, :by, :name, :lon, :lat, :note)""")
                .param("id", inspectionId).param("at", Timestamp.from(now)).param("by", user.id())
                .param("name", user.displayName()).param("lon", form.lon()).param("lat", form.lat())
                .param("note", blankToNull(form.note()))
                .update();
        photos.store(inspectionId, photoList, now);

        List<UUID> hazardIds = new ArrayList<>();
        List<String> hazardNumbers = new ArrayList<>();
        for (InspectionPoints.Listed listed : plan.points()) {
            InspectionPoint p = listed.point();
            boolean failed = false;
            for (ChecklistItem item : plan.itemsByCampaign().get(p.campaignId())) {
                VisitForm.Answer a = answers.get(item.id());
                UUID hazardId = null;
                if (!a.passed()) {
                    failed = true;
                    if (a.reportsHazard()) {
                        var reported = report(listed, item, a, inspectionId, photoList, user);
                        hazardId = reported.id();
                        hazardIds.add(reported.id());
                        hazardNumbers.add(reported.number());
                    }
                }
                jdbc.sql("""
                        INSERT INTO hazard_inspection_finding (id, inspection_id, point_id, campaign_id, item_id,
                                                               department, passed, note, hazard_id)
                        VALUES (:id, :inspection, :point, :campaign, :item, :department, :passed, :note, :hazard)""")
                        .param("id", UUID.randomUUID()).param("inspection", inspectionId).param("point", p.id())
                        .param("campaign", p.campaignId()).param("item", item.id()).param("department", item.department())
                        .param("passed", a.passed()).param("note", blankToNull(a.note())).param("hazard", hazardId)
                        .update();
            }
            points.recordVisit(p.id(), inspectionId, now, failed ? "FAIL" : "PASS");
        }
        return new Recorded(inspectionId, plan.points().stream().map(l -> l.point().id()).toList(), hazardIds,
                hazardNumbers);
    }

    /**
     * Reports a failed item as a hazard. The visit's photos go with it as the hazard's own copies
     * (a hazard photo belongs to one hazard), stored through the hazard module's photo store.
     */
    private ReportedHazard report(InspectionPoints.Listed listed, ChecklistItem item, VisitForm.Answer a,
                                  UUID inspectionId, List<VisitForm.Photo> visitPhotos, CurrentUser user) {
        String category = a.categoryCode() != null && !a.categoryCode().isBlank() ? a.categoryCode().strip()
                : item.categoryCode();
        if (category == null) {
            throw InspectionRefused.badInput("c_" + item.id(), "inspection.error.categoryRequired", item.text());
        }
        InspectionPoint p = listed.point();
        String title = item.text() + " - " + p.name();
        String description = a.note() == null || a.note().isBlank() ? item.text() : a.note().strip();
        try {
            List<UUID> photoIds = new ArrayList<>();
            for (VisitForm.Photo photo : visitPhotos) {
                photoIds.add(hazardPhotos.store(photo.bytes(), photo.fileName(), HazardPhotos.Stage.FOUND, user.id(),
                        "photos"));
            }
            return intake.report(new HazardReport(title.length() > HazardReport.MAX_TITLE ? title.substring(0, HazardReport.MAX_TITLE) : title, description,
                    category, null, "INSPECTION", listed.campaignCode(), p.campaignId(), inspectionId, p.placeId(),
                    p.name(), p.lon(), p.lat(), photoIds, null), user.id());
        } catch (HazardRefused refused) {
            throw InspectionRefused.badInput("c_" + item.id(), "inspection.error.hazardRefused", hazardText(refused));
        }
    }

    /** The hazard module's refusal in the reader's language: its message starts with the key. */
    private String hazardText(HazardRefused refused) {
        String key = refused.getMessage() == null ? "" : refused.getMessage().split(" ", 2)[0];
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** Every item of every merged campaign answered, and nothing else. */
    private static void checkAnswers(Plan plan, Map<UUID, VisitForm.Answer> answers) {
        Set<UUID> known = new HashSet<>();
        for (InspectionPoints.Listed l : plan.points()) {
            for (ChecklistItem item : plan.itemsByCampaign().get(l.point().campaignId())) {
                known.add(item.id());
                VisitForm.Answer a = answers.get(item.id());
                if (a == null || a.passed() == null) {
                    throw InspectionRefused.badInput("r_" + item.id(), "inspection.error.itemUnanswered", item.text());
                }
                if (a.note() != null && a.note().length() > VisitForm.MAX_ITEM_NOTE) {
                    throw InspectionRefused.badInput("n_" + item.id(), "inspection.error.tooLong", VisitForm.MAX_ITEM_NOTE);
                }
                if (a.passed() && a.reportsHazard()) {
                    throw InspectionRefused.badInput("h_" + item.id(), "inspection.error.hazardOnPass", item.text());
                }
            }
        }
        for (UUID id : answers.keySet()) {
            if (!known.contains(id)) {
                throw InspectionRefused.badInput("answers", "inspection.error.unknownItem", id);
            }
        }
    }

    private static void checkPosition(Double lon, Double lat) {
        if ((lon == null) != (lat == null)) {
            throw InspectionRefused.badInput(lon == null ? "lon" : "lat", "inspection.error.positionHalf");
        }
        if (lon != null && (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90))) {
            throw InspectionRefused.badInput("lon", "inspection.error.position");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

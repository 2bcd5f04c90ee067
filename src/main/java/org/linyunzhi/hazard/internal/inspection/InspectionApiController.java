package org.linyunzhi.hazard.internal.inspection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inspection API: campaigns (preview the targets, create, list, read with progress and the
 * reader's department's findings), the reader's open points, a point's form and its visits.
 * Photos are sent with the page form (multipart); the API records the answers and the position.
 */
@RestController
@RequestMapping("/api/hazard/inspections")
class InspectionApiController {

    private final CampaignIssuing issuing;
    private final CampaignReading reading;
    private final TargetSelection targets;
    private final InspectionPoints points;
    private final Visits visits;

    InspectionApiController(CampaignIssuing issuing, CampaignReading reading, TargetSelection targets,
                            InspectionPoints points, Visits visits) {
        this.issuing = issuing;
        this.reading = reading;
        this.targets = targets;
        this.points = points;
        this.visits = visits;
    }

    record Preview(int count, int max) {
    }

    record CreatedCampaign(UUID id, String code, int points, int tasks) {
    }

    /** An answer as JSON: {"passed": false, "note": "...", "reportHazard": true, "categoryCode": "PS-03-012"}. */
    record VisitRequest(Map<UUID, VisitForm.Answer> answers, Double lon, Double lat, String note) {
    }

    @PostMapping("/campaigns/preview")
    @PreAuthorize("hasAuthority('inspection:campaign')")
    Preview preview(@RequestBody TargetRequest target) {
        return new Preview(targets.count(target), TargetSelection.MAX_POINTS);
    }

    @PostMapping("/campaigns")
    @PreAuthorize("hasAuthority('inspection:campaign')")
    @ResponseStatus(HttpStatus.CREATED)
    @Audited("inspection.campaign.create")
    CreatedCampaign create(@RequestBody CampaignRequest request, @AuthenticationPrincipal CurrentUser user) {
        CampaignIssuing.Created created = issuing.create(request, user);
        return new CreatedCampaign(created.campaign().id(), created.campaign().code(), created.points(), created.tasks());
    }

    @GetMapping("/campaigns")
    @PreAuthorize("hasAuthority('inspection:view')")
    List<InspectionCampaigns.Summary> campaigns(@AuthenticationPrincipal CurrentUser user) {
        return reading.list(user);
    }

    @GetMapping("/campaigns/{id}")
    @PreAuthorize("hasAuthority('inspection:view')")
    CampaignReading.Detail campaign(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean failedOnly,
                                    @AuthenticationPrincipal CurrentUser user) {
        return reading.detail(id, user, failedOnly);
    }

    @GetMapping("/points")
    @PreAuthorize("hasAuthority('inspection:do')")
    List<InspectionPoints.Listed> openPoints(@RequestParam(required = false) String region,
                                             @AuthenticationPrincipal CurrentUser user) {
        return points.open(user.scope(), PointPages.regionPrefix(region), visits.today(), PointPages.MAX_LISTED);
    }

    @GetMapping("/points/{id}")
    @PreAuthorize("hasAuthority('inspection:do')")
    Map<String, Object> point(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        Visits.Plan plan = visits.plan(id, user);
        Map<String, Object> body = new HashMap<>();
        body.put("point", plan.point());
        body.put("mergedPoints", plan.points());
        body.put("checklists", plan.itemsByCampaign());
        body.put("history", points.history(id));
        return body;
    }

    @PostMapping("/points/{id}/visits")
    @PreAuthorize("hasAuthority('inspection:do')")
    @ResponseStatus(HttpStatus.CREATED)
    @Audited("inspection.visit.record")
    Visits.Recorded visit(@PathVariable UUID id, @RequestBody VisitRequest request,
                          @AuthenticationPrincipal CurrentUser user) {
        return visits.record(id, new VisitForm(request.answers(), request.lon(), request.lat(), request.note(),
                List.of()), user);
    }
}

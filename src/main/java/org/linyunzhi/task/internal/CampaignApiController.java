package org.linyunzhi.task.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns (专项行动) through the API: start one for a scope of nodes, list them, follow their progress. */
@RestController
@RequestMapping("/api/task/campaigns")
@Tag(name = "Campaigns", description = "专项行动: one task to every node of a scope, progress per village and grid")
class CampaignApiController {

    private final CampaignDispatch dispatch;
    private final Campaigns campaigns;
    private final CampaignProgress progress;
    private final TaskLifecycle lifecycle;

    CampaignApiController(CampaignDispatch dispatch, Campaigns campaigns, CampaignProgress progress,
                          TaskLifecycle lifecycle) {
        this.dispatch = dispatch;
        this.campaigns = campaigns;
        this.progress = progress;
        this.lifecycle = lifecycle;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('task:view')")
    List<Campaigns.Campaign> list(@AuthenticationPrincipal CurrentUser user) {
        return campaigns.visible(user.scope(), 200);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('task:campaign')")
    @Audited("task.campaign.start")
    @Operation(summary = "Start a campaign: one dispatched task for every chosen node, in one transaction")
    ResponseEntity<CampaignDispatch.Started> start(@RequestBody CampaignRequest request,
                                                   @AuthenticationPrincipal CurrentUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(dispatch.start(user, request));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('task:view')")
    @Operation(summary = "A campaign's tasks counted by state per village and grid, within the caller's scope")
    CampaignProgress.Progress show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        Campaigns.Campaign campaign = campaigns.find(id, user.scope()).orElseThrow(TaskRefused::notFound);
        return progress.of(campaign, user.scope(), lifecycle.now());
    }
}

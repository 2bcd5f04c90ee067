package org.linyunzhi.hazard.internal.inspection;

import java.util.List;
import java.util.UUID;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.identity.UserDirectory;
import org.springframework.stereotype.Service;

/**
 * What a reader sees of campaigns. A department officer (data scope bound to a department) lists
 * the department's campaigns and reads only the findings its own department owns, also on a campaign
 * that merged several departments' checklists (综合查一次); town-wide readers see every finding.
 */
@Service
class CampaignReading {

    /** The detail page's content. */
    record Detail(InspectionCampaigns.Summary summary, List<ChecklistItem> items, List<Named> villages, List<Named> microGrids,
                  List<InspectionCampaigns.Finding> findings, String findingsOf, List<InspectionCampaigns.CampaignTask> tasks) {
    }

    /** Progress of a region with its name. */
    record Named(InspectionCampaigns.Progress progress, String name) {
        public int percent() {
            return progress.points() == 0 ? 0 : Math.round(100f * progress.inspected() / progress.points());
        }
    }

    static final int MAX_FINDINGS = 300;

    private final InspectionCampaigns campaigns;
    private final UserDirectory users;
    private final GridApi grid;

    CampaignReading(InspectionCampaigns campaigns, UserDirectory users, GridApi grid) {
        this.campaigns = campaigns;
        this.users = users;
        this.grid = grid;
    }

    /** The department whose findings alone the reader may see, or null for all. */
    String departmentOf(CurrentUser user) {
        if (user.scope().kind() != DataScope.Kind.DEPARTMENT) {
            return null;
        }
        // bound to a department whose name is unknown: sees no department's findings rather than all
        return users.byId(user.id()).map(UserDirectory.Person::departmentName).orElse("-");
    }

    List<InspectionCampaigns.Summary> list(CurrentUser user) {
        return campaigns.list(departmentOf(user), 500);
    }

    Detail detail(UUID id, CurrentUser user, boolean failedOnly) {
        InspectionCampaigns.Summary summary = campaigns.find(id).orElseThrow(() -> InspectionRefused.notFound("campaign"));
        String department = departmentOf(user);
        return new Detail(summary, campaigns.items(id), named(campaigns.progress(id, 12)),
                named(campaigns.progress(id, 19)), campaigns.findings(id, department, failedOnly, MAX_FINDINGS),
                department, campaigns.tasks(id));
    }

    private List<Named> named(List<InspectionCampaigns.Progress> rows) {
        return rows.stream().map(p -> new Named(p, grid.node(p.regionCode()).map(RegionNode::name)
                .orElse(p.regionCode()))).toList();
    }
}

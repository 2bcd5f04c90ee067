package org.linyunzhi.grid.internal;

import java.util.Arrays;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.StaffRole;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Where the "1+3+N" and "一长两员" rosters are still short, village by village. */
@Controller
class StaffingPage {

    static final String VIEW = "grid/staffing";

    private final StaffingCompleteness completeness;
    private final RegionNodes nodes;

    StaffingPage(StaffingCompleteness completeness, RegionNodes nodes) {
        this.completeness = completeness;
        this.nodes = nodes;
    }

/** The page, or just the report when the filters are changed through htmx. */
    @GetMapping("/grid/staffing")
    @PreAuthorize("hasAuthority('grid:staff:view')")
    String staffing(@RequestParam(required = false) String under, @RequestParam(required = false) String level,
                    @RequestParam(required = false) String role, Model model,
                    @RequestHeader(name = "HX-Request", required = false) String htmx) {
        DataScope scope = CurrentUser.require().scope();
        // unknown filter values are ignored rather than refused: they only come from a hand-edited URL
        RegionLevel l = level == null ? null : RegionLevel.parse(level).filter(x -> x != RegionLevel.TOWN && x != RegionLevel.VILLAGE).orElse(null);
        StaffRole r = RosterRules.role(role).orElse(null);
        String u = under == null || under.isBlank() ? null : under.strip();
        model.addAttribute("report", completeness.report(scope, u, l, r));
        model.addAttribute("villages", nodes.ofLevel(RegionLevel.VILLAGE, scope, 500));
        model.addAttribute("levels", Arrays.asList(RegionLevel.GRID, RegionLevel.MICRO_GRID, RegionLevel.DEDICATED_MICRO_GRID));
        model.addAttribute("allRoles", StaffRole.values());
        model.addAttribute("under", u);
        model.addAttribute("level", l);
        model.addAttribute("role", r);
        return htmx != null ? VIEW + " :: report" : VIEW;
    }
}

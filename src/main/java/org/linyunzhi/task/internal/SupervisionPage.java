package org.linyunzhi.task.internal;

import java.time.LocalDate;
import java.util.List;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * 督办看板: the rates of the reader's part of the town per village (or per grid of a village, per
 * micro-grid of a grid), as a table and a bar chart; each row drills down a level, and its numbers
 * link into the task list with the matching filter.
 */
@Controller
@RequestMapping("/task/supervision")
class SupervisionPage {

    static final String VIEW = "task/supervision";

    private final SupervisionBoard board;
    private final GridApi grid;
    private final TaskLifecycle lifecycle;
    private final JsonMapper json;

    SupervisionPage(SupervisionBoard board, GridApi grid, TaskLifecycle lifecycle, JsonMapper json) {
        this.board = board;
        this.grid = grid;
        this.lifecycle = lifecycle;
        this.json = json;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('task:supervise')")
    String show(@RequestParam(required = false) String node,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        RegionNode at = boardNode(grid, user, node);
        SupervisionBoard.Board result = board.of(at, user.scope(), from, to, lifecycle.now());
        model.addAttribute("board", result);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("up", at.parentCode() != null && user.scope().coversRegion(at.parentCode()) ? at.parentCode() : null);
        // the chart reads its series from this block, not from inline script (the CSP allows none)
        model.addAttribute("chartJson", json.writeValueAsString(new Chart(result.rows().stream().map(SupervisionBoard.Rates::name).toList(),
                result.rows().stream().map(r -> percentOrNull(r.onTimeRate())).toList(),
                result.rows().stream().map(SupervisionBoard.Rates::open).toList(),
                result.rows().stream().map(SupervisionBoard.Rates::openOverdue).toList())));
        return VIEW;
    }

    record Chart(List<String> names, List<Double> onTime, List<Long> open, List<Long> overdue) {
    }

    private static Double percentOrNull(Double rate) {
        return rate == null ? null : Math.round(rate * 1000) / 10.0;
    }

    /** The node asked for if the reader may see it, else the top of the reader's scope. */
    static RegionNode boardNode(GridApi grid, CurrentUser user, String code) {
        if (code != null && !code.isBlank()) {
            RegionNode node = grid.node(code.strip()).orElseThrow(TaskRefused::notFound);
            if (!user.scope().coversRegion(node.code())) {
                throw TaskRefused.notFound();
            }
            return node;
        }
        String top = user.scope().regionCode();
        if (top != null) {
            return grid.node(top).orElseThrow(TaskRefused::notFound);
        }
        return grid.children(null).stream().findFirst().orElseThrow(TaskRefused::notFound);
    }
}

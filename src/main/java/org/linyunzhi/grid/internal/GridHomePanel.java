package org.linyunzhi.grid.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.GridOverview;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.web.HomePanel;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The grid spine on the home dashboard: how many villages, grids, micro-grids and people the user oversees. */
@Component
class GridHomePanel implements HomePanel {

    private final GridApi grid;
    private final MessageSource messages;
    private final JsonMapper json;

    GridHomePanel(GridApi grid, MessageSource messages, JsonMapper json) {
        this.grid = grid;
        this.messages = messages;
        this.json = json;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean visibleTo(CurrentUser user) {
        return user.can("grid:node:view");
    }

    @Override
    public String fragment() {
        return "grid/home :: panel";
    }

    @Override
    public Map<String, Object> model(CurrentUser user) {
        GridOverview overview = grid.overview(user.scope());
        return Map.of("overview", overview, "chart", chart(overview));
    }

    /** Grids, micro-grids and people per village, as the series the page's bar chart draws. */
    private String chart(GridOverview overview) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> names = new ArrayList<>();
        List<Integer> grids = new ArrayList<>();
        List<Integer> micro = new ArrayList<>();
        List<Integer> staff = new ArrayList<>();
        for (GridOverview.VillageFigures v : overview.villages()) {
            names.add(v.name());
            grids.add(v.grids());
            micro.add(v.microGrids() + v.dedicatedMicroGrids());
            staff.add(v.staff());
        }
        return json.writeValueAsString(Map.of("categories", names, "series", List.of(
                Map.of("name", messages.getMessage("grid.home.grids", null, locale), "values", grids),
                Map.of("name", messages.getMessage("grid.home.microGridsAll", null, locale), "values", micro),
                Map.of("name", messages.getMessage("grid.home.staff", null, locale), "values", staff, "axis", "right"))));
    }
}

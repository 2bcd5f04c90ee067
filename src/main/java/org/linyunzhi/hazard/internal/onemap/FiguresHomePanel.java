package org.linyunzhi.hazard.internal.onemap;

import java.util.Map;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.web.HomePanel;
import org.springframework.stereotype.Component;

/** The campaign figures on the home dashboard: campaigns, points inspected, hazards, rectified, rate. */
@Component
class FiguresHomePanel implements HomePanel {

    private final CampaignFigures figures;

    FiguresHomePanel(CampaignFigures figures) {
        this.figures = figures;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean visibleTo(CurrentUser user) {
        return user.can("hazard:map:view");
    }

    @Override
    public String fragment() {
        return "hazard/onemap/home :: panel";
    }

    @Override
    public Map<String, Object> model(CurrentUser user) {
        return Map.of("figures", figures.overall(user.scope()));
    }
}

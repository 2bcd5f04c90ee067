package org.linyunzhi.hazard.internal.onemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo town reproduces the seed's figures from its own records: 28 campaigns, 2,451 points
 * inspected, 360 hazards found, 252 rectified, 70 %. Counted by the same queries the pages use.
 */
@IntegrationTest
@AutoConfigureMockMvc
class DemoFiguresTest {

    static final CurrentUser LEADER = AsUser.user("demo-figures-leader", DataScope.all(), "hazard:map:view");

    @Autowired
    CampaignFigures figures;
    @Autowired
    MockMvc mvc;

    @Test
    void theDemoTownReproducesTheSeedsFigures() {
        CampaignFigures.Figures f = figures.overall(DataScope.all());
        assertThat(f.campaigns()).isEqualTo(28);
        assertThat(f.pointsInspected()).isEqualTo(2451);
        assertThat(f.hazardsFound()).isEqualTo(360);
        assertThat(f.rectified()).isEqualTo(252);
        assertThat(f.rate()).isEqualTo(70.0);
        // and the campaigns' own rows add up to no more than the town's (grid reports carry no campaign)
        var rows = figures.perCampaign(DataScope.all());
        assertThat(rows).hasSize(28);
        assertThat(rows.stream().mapToLong(CampaignFigures.CampaignRow::pointsInspected).sum()).isEqualTo(2451);
        assertThat(rows.stream().mapToLong(r -> r.figures().hazardsFound()).sum()).isLessThanOrEqualTo(360);
    }

    @Test
    void theFiguresPageShowsThem() throws Exception {
        String page = mvc.perform(get("/hazard/figures").with(as(LEADER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-figure=\"campaigns\">28<").contains("data-figure=\"pointsInspected\">2,451<")
                .contains("data-figure=\"hazardsFound\">360<").contains("data-figure=\"rectified\">252<")
                .contains("data-figure=\"rate\">70 %<");
    }
}

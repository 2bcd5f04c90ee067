package org.linyunzhi.hazard.internal.onemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo town reproduces the seed's figures from its own records: 28 campaigns, 2,451 points
 * inspected, 360 hazards found, 252 rectified, 70 %. Counted by the same queries the pages use.
 * Tests share one database and some add campaigns and hazards of their own, so the town-wide figures
 * are checked as the demo's plus what the other tests added (counted independently, in SQL), and the
 * demo's campaigns (those nobody created by hand) must add up to the seed's figures on their own.
 */
@IntegrationTest
@AutoConfigureMockMvc
class DemoFiguresTest {

    static final CurrentUser LEADER = AsUser.user("demo-figures-leader", DataScope.all(), "hazard:map:view");
    static final String DEMO = "SELECT id FROM hazard_campaign WHERE created_by IS NULL";

    @Autowired
    CampaignFigures figures;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoCampaignsReproduceTheSeedsFigures() {
        Set<UUID> demo = Set.copyOf(jdbc.sql(DEMO).query(UUID.class).list());
        List<CampaignFigures.CampaignRow> rows = figures.perCampaign(DataScope.all()).stream()
                .filter(r -> demo.contains(r.id())).toList();
        assertThat(rows).hasSize(28);
        CampaignFigures.Figures sum = CampaignFigures.Figures.of(rows.size(),
                rows.stream().mapToLong(CampaignFigures.CampaignRow::pointsInspected).sum(),
                rows.stream().mapToLong(r -> r.figures().hazardsFound()).sum(),
                rows.stream().mapToLong(r -> r.figures().rectified()).sum());
        assertThat(sum).isEqualTo(new CampaignFigures.Figures(28, 2451, 360, 252, 70.0));
        assertThat(sum.rateText()).isEqualTo("70 %");
    }

    @Test
    void theTownsFiguresAreTheDemosPlusWhatOthersAdded() {
        CampaignFigures.Figures town = figures.overall(DataScope.all());
        assertThat(town.campaigns()).isEqualTo(28 + count("SELECT count(*) FROM hazard_campaign WHERE created_by IS NOT NULL"));
        assertThat(town.pointsInspected()).isEqualTo(2451 + count("SELECT count(*) FROM hazard_inspection_point"
                + " WHERE inspected_at IS NOT NULL AND campaign_id NOT IN (" + DEMO + ")"));
        assertThat(town.hazardsFound()).isEqualTo(360 + count("SELECT count(*) FROM hazard_hazard"
                + " WHERE campaign_id IS NULL OR campaign_id NOT IN (" + DEMO + ")"));
        assertThat(town.rectified()).isEqualTo(252 + count("SELECT count(*) FROM hazard_hazard WHERE status = 'CLOSED'"
                + " AND (campaign_id IS NULL OR campaign_id NOT IN (" + DEMO + "))"));
    }

    @Test
    void theFiguresPageShowsTheTownsFiguresAndEachDemoCampaign() throws Exception {
        CampaignFigures.Figures town = figures.overall(DataScope.all());
        String page = mvc.perform(get("/hazard/figures").with(as(LEADER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-figure=\"campaigns\">" + String.format(java.util.Locale.ROOT, "%,d", town.campaigns()) + "<")
                .contains("data-figure=\"pointsInspected\">" + String.format(java.util.Locale.ROOT, "%,d", town.pointsInspected()) + "<")
                .contains("data-figure=\"hazardsFound\">" + String.format(java.util.Locale.ROOT, "%,d", town.hazardsFound()) + "<")
                .contains("data-figure=\"rectified\">" + String.format(java.util.Locale.ROOT, "%,d", town.rectified()) + "<")
                .contains("data-figure=\"rate\">" + town.rateText() + "<");
        for (String code : jdbc.sql("SELECT code FROM hazard_campaign WHERE created_by IS NULL").query(String.class).list()) {
            assertThat(page).contains("data-campaign=\"" + code + "\"");
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}

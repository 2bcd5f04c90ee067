package org.linyunzhi.hazard.internal.hazards;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The hazard pages as a reader gets them: the list filtered and as an htmx fragment without the
 * shell, the upstream list holding level-5 hazards only, the report form answering a missing
 * position inline with what was typed kept, and another village's hazard not found.
 */
@IntegrationTest
@AutoConfigureMockMvc
class HazardPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    GridApi grid;
    @Autowired
    HazardIntake intake;

    @Test
    void theListFiltersAndAnswersHtmxWithTheTableOnly() throws Exception {
        RegionNode village = HazardFixtures.village(grid, 6);
        CurrentUser cadre = HazardFixtures.cadre(village.code());
        double[] at = HazardFixtures.pointIn(grid, village.code());
        String fire = "消防通道被堵-" + UUID.randomUUID().toString().substring(0, 6);
        String gas = "燃气异味-" + UUID.randomUUID().toString().substring(0, 6);
        intake.report(new HazardReport(fire, null, "PS-02-001", null, "INSPECTION", null, null, null, null, null,
                at[0], at[1], List.of(), null), null);
        ReportedHazard upstream = intake.report(new HazardReport(gas, null, "CS-03-008", null, "INSPECTION", null, null,
                null, null, null, at[0], at[1], List.of(), null), null);

        mvc.perform(get("/hazard/hazards").param("classCode", "PUBLIC_SAFETY").with(as(cadre)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(fire)))
                .andExpect(content().string(not(containsString(gas))))
                .andExpect(content().string(containsString("id=\"sidenav\"")));
        mvc.perform(get("/hazard/hazards").param("level", "5").header("HX-Request", "true").with(as(cadre)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(gas)))
                .andExpect(content().string(not(containsString("id=\"sidenav\""))));
        mvc.perform(get("/hazard/upstream").with(as(cadre))).andExpect(status().isOk())
                .andExpect(content().string(containsString(upstream.number())))
                .andExpect(content().string(not(containsString(fire))));
        mvc.perform(get("/hazard/hazards").param("sort", "drop table").param("level", "x").with(as(cadre)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/hazard/hazards").param("sort", "nonsense").with(as(cadre))).andExpect(status().isOk());
    }

    @Test
    void theReportFormAnswersAMissingPositionInlineAndKeepsWhatWasTyped() throws Exception {
        RegionNode village = HazardFixtures.village(grid, 6);
        CurrentUser worker = HazardFixtures.worker(village.code());
        mvc.perform(get("/hazard/report").with(as(worker))).andExpect(status().isOk())
                .andExpect(content().string(containsString("PS-06-003")));
        mvc.perform(multipart("/hazard/report").param("title", "井盖缺失").param("categoryCode", "PS-08-005")
                        .with(csrf()).with(as(worker)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"error-lon\"")))
                .andExpect(content().string(containsString("value=\"井盖缺失\"")));
    }

    @Test
    void anotherVillagesHazardPageIsNotFound() throws Exception {
        RegionNode other = HazardFixtures.village(grid, 7);
        double[] there = HazardFixtures.pointIn(grid, other.code());
        ReportedHazard hazard = intake.report(new HazardReport("别村的隐患", null, "PS-02-001", null, "INSPECTION", null,
                null, null, null, null, there[0], there[1], List.of(), null), null);
        CurrentUser cadre = HazardFixtures.cadre(HazardFixtures.village(grid, 6).code());
        mvc.perform(get("/hazard/hazards/{id}", hazard.id()).with(as(cadre))).andExpect(status().isNotFound());
        mvc.perform(multipart("/hazard/hazards/{id}/order", hazard.id()).with(csrf()).with(as(cadre)))
                .andExpect(status().isNotFound());
    }
}

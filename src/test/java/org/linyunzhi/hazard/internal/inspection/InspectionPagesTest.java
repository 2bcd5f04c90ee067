package org.linyunzhi.hazard.internal.inspection;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.UserDirectory;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The campaign pages as an officer uses them: the list shows the demo year, the form offers types and
 * organisation types, the htmx preview answers a fragment with the count (or the reason it cannot
 * count), a refused form comes back as typed with the reason, a good one redirects to its page.
 */
@IntegrationTest
@AutoConfigureMockMvc
class InspectionPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory users;

    @Test
    void theOfficerListsPreviewsAndCreatesACampaignOnThePages() throws Exception {
        CurrentUser officer = InspectionFixtures.user(users, "officer", InspectionFixtures.OFFICER);
        mvc.perform(get("/hazard/inspection/campaigns").with(as(InspectionFixtures.leader(users))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("PC2026-0001")));
        mvc.perform(get("/hazard/inspection/campaigns/new").with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"ACCOMMODATION\"")))
                .andExpect(content().string(containsString("id=\"area-map\"")));

        mvc.perform(post("/hazard/inspection/campaigns/preview").with(as(officer)).with(csrf())
                        .header("HX-Request", "true").param("kind", "ORGANISATION").param("orgTypes", "ACCOMMODATION"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"preview\"")))
                .andExpect(content().string(not(containsString("<nav"))));
        mvc.perform(post("/hazard/inspection/campaigns/preview").with(as(officer)).with(csrf())
                        .header("HX-Request", "true").param("area", "{\"type\":\"Point\",\"coordinates\":[120,30]}"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Point")));

        String ends = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10).toString();
        mvc.perform(post("/hazard/inspection/campaigns").with(as(officer)).with(csrf())
                        .param("name", "Hotel fire exits").param("type", "FIRE").param("startsOn", "2026-12-01")
                        .param("endsOn", ends).param("kind", "ORGANISATION").param("orgTypes", "ACCOMMODATION"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-testid=\"campaign-error\"")))
                .andExpect(content().string(containsString("value=\"Hotel fire exits\"")));
        mvc.perform(post("/hazard/inspection/campaigns").with(as(officer)).with(csrf())
                        .param("name", "Hotel fire exits").param("type", "FIRE").param("startsOn", "2026-12-01")
                        .param("endsOn", ends).param("kind", "ORGANISATION").param("orgTypes", "ACCOMMODATION")
                        .param("itemText", "Exits clear", "").param("itemDepartment", "", "").param("itemCategory", "", ""))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/hazard/inspection/campaigns/*"));

        CurrentUser worker = InspectionFixtures.user(users, "gridworker", InspectionFixtures.WORKER);
        mvc.perform(get("/hazard/inspection/my").with(as(worker))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"my-points\"")));
        mvc.perform(get("/hazard/inspection/campaigns/new").with(as(worker))).andExpect(status().isForbidden());
    }
}

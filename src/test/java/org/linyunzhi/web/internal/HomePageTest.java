package org.linyunzhi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.linyunzhi.testsupport.AsUser.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The home dashboard shows the town's real numbers, counted for the viewer's scope. */
@IntegrationTest
@AutoConfigureMockMvc
class HomePageTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired GridApi grid;

    @Test
    void aTownWideViewerSeesTheDemoTownsNumbers() throws Exception {
        String page = mvc.perform(get("/").with(as(user("leader-test", DataScope.all(), "grid:node:view"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(number(page, "count-GRID")).isEqualTo(count("GRID", "3301091")).isEqualTo(90);
        assertThat(number(page, "count-MICRO_GRID")).isEqualTo(675);
        assertThat(number(page, "count-DEDICATED_MICRO_GRID")).isEqualTo(177);
        assertThat(number(page, "count-staff")).isGreaterThanOrEqualTo(2500);
        assertThat(number(page, "count-short")).isPositive();
        assertThat(page).contains("data-chart=\"bars\"");
    }

    @Test
    void aVillageCadreSeesOnlyTheirVillage() throws Exception {
        RegionNode village = grid.children("330109107").get(0);
        String page = mvc.perform(get("/").with(as(user("cadre-test", DataScope.region(village.code()), "grid:node:view"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(number(page, "count-VILLAGE")).isEqualTo(1);
        assertThat(number(page, "count-GRID")).isEqualTo(count("GRID", village.code())).isLessThan(90);
    }

    @Test
    void someoneWithoutGridRightsSeesNoGridNumbers() throws Exception {
        String page = mvc.perform(get("/").with(as(user("resident-test", DataScope.self(null, "330109107"), "task:view"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("count-GRID");
    }

    private int count(String level, String prefix) {
        return jdbc.sql("SELECT count(*) FROM grid_region_node WHERE level = :level AND code LIKE :p")
                .param("level", level).param("p", prefix + "%").query(Integer.class).single();
    }

    private static int number(String page, String testId) {
        Matcher m = Pattern.compile("data-testid=\"" + testId + "\"[^>]*>(\\d+)<").matcher(page);
        assertThat(m.find()).as(testId + " shown").isTrue();
        return Integer.parseInt(m.group(1));
    }
}

package org.linyunzhi.grid.internal.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The map page as the server renders it: the elements the script and browser tests use, and its settings. */
@IntegrationTest
@AutoConfigureMockMvc
class GridMapPageTest {

    static final CurrentUser WORKER = AsUser.user("map-worker", DataScope.region("330109107201"), "grid:node:view", "grid:locate");
    static final CurrentUser NOBODY = AsUser.user("map-nobody", DataScope.all());

    @Autowired
    MockMvc mvc;

    String page(CurrentUser user, Locale locale) throws Exception {
        return mvc.perform(get("/grid/map").param("lang", locale.toString()).with(as(user)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    JsonNode config(String html) {
        String attr = html.substring(html.indexOf("data-config=\"") + 13);
        attr = attr.substring(0, attr.indexOf('"'));
        return JsonMapper.builder().build().readTree(org.springframework.web.util.HtmlUtils.htmlUnescape(attr));
    }

    @Test
    void thePageHasTheMapSearchAndPanelWithLeafletFromTheWebjar() throws Exception {
        String html = page(WORKER, Locale.SIMPLIFIED_CHINESE);
        assertThat(html).contains("id=\"grid-map\"", "data-testid=\"grid-map\"", "data-testid=\"grid-map-search\"",
                "data-testid=\"grid-map-panel\"", "/js/grid-map.js", "<title>网格地图</title>");
        // Leaflet 1.9.4 from its webjar (the link may carry the version the locator resolved)
        assertThat(html).containsPattern("/webjars/leaflet/(1\\.9\\.4/)?dist/leaflet\\.js")
                .containsPattern("/webjars/leaflet/(1\\.9\\.4/)?dist/leaflet\\.css");
    }

    @Test
    void theScriptGetsEveryTextInTheUsersLanguageAndWhatTheUserMayDo() throws Exception {
        JsonNode zh = config(page(WORKER, Locale.SIMPLIFIED_CHINESE));
        assertThat(zh.get("text").get("layer.microGrid").asString()).isEqualTo("微网格");
        assertThat(zh.get("text").get("role.MICRO_GRID_HEAD").asString()).isEqualTo("微网格长");
        assertThat(zh.get("canLocate").asBoolean()).isTrue();
        assertThat(zh.get("canSeeStaff").asBoolean()).isFalse();
        // no tile service configured: the offline base map
        assertThat(zh.get("tileUrl").isNull()).isTrue();

        JsonNode en = config(page(WORKER, Locale.ENGLISH));
        assertThat(en.get("text").get("layer.microGrid").asString()).isEqualTo("Micro-grids");
        assertThat(en.get("text").size()).isEqualTo(zh.get("text").size());
        en.get("text").properties().forEach(e ->
                assertThat(e.getValue().asString()).as(e.getKey()).doesNotStartWith("gridmap.js."));
    }

    @Test
    void withoutTheViewPermissionThePageIsRefused() throws Exception {
        mvc.perform(get("/grid/map").with(as(NOBODY))).andExpect(status().isForbidden());
    }

    @Test
    void theStaticPartsAreServed() throws Exception {
        mvc.perform(get("/webjars/leaflet/dist/leaflet.js").with(as(WORKER))).andExpect(status().isOk());
        mvc.perform(get("/js/grid-map.js").with(as(WORKER))).andExpect(status().isOk());
        mvc.perform(get("/css/grid-map.css").with(as(WORKER))).andExpect(status().isOk());
    }
}

package org.linyunzhi.hazard.internal.onemap;

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

/** The one map page as the server renders it: filters from the catalogue, the side panel, the script's settings. */
@IntegrationTest
@AutoConfigureMockMvc
class OneMapPageTest {

    static final CurrentUser CADRE = AsUser.user("onemap-page-cadre", DataScope.region("330109107201"),
            "hazard:map:view", "grid:node:view");
    static final CurrentUser NO_GRID = AsUser.user("onemap-page-nogrid", DataScope.region("330109107201"), "hazard:map:view");

    @Autowired
    MockMvc mvc;

    String page(CurrentUser user, Locale locale) throws Exception {
        return mvc.perform(get("/hazard/map").param("lang", locale.toString()).with(as(user)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static JsonNode config(String html) {
        String attr = html.substring(html.indexOf("data-config=\"") + 13);
        attr = attr.substring(0, attr.indexOf('"'));
        return JsonMapper.builder().build().readTree(org.springframework.web.util.HtmlUtils.htmlUnescape(attr));
    }

    @Test
    void thePageHasTheMapFiltersFromTheCatalogueAndTheFigures() throws Exception {
        String html = page(CADRE, Locale.SIMPLIFIED_CHINESE);
        assertThat(html).contains("<title>风险隐患一张图</title>", "data-testid=\"onemap\"", "data-testid=\"onemap-filters\"",
                "data-testid=\"onemap-side\"", "data-testid=\"onemap-drawer-toggle\"", "/js/onemap.js", "/js/onemap-heat.js");
        // the five classes and the catalogue's categories, by code
        assertThat(html).contains("value=\"PUBLIC_SAFETY\"", "value=\"CYBER_SECURITY\"", "value=\"PS-01-001\"");
        assertThat(html).contains("data-figure=\"campaigns\"", "data-figure=\"rate\"");
        JsonNode zh = config(html);
        assertThat(zh.get("levelColours").get("4").asString()).isEqualTo("#ef6c00");
        assertThat(zh.get("maxFeatures").asInt()).isEqualTo(2000);
        assertThat(zh.get("canSeeGrid").asBoolean()).isTrue();
        assertThat(zh.get("text").get("kind.SHELTER").asString()).isEqualTo("避灾安置场所");
        JsonNode en = config(page(CADRE, Locale.ENGLISH));
        assertThat(en.get("text").get("kind.SHELTER").asString()).isEqualTo("Shelter");
        assertThat(en.get("text").size()).isEqualTo(zh.get("text").size());
    }

    @Test
    void withoutTheGridPermissionTheMapLeavesTheGridLayersOut() throws Exception {
        assertThat(config(page(NO_GRID, Locale.SIMPLIFIED_CHINESE)).get("canSeeGrid").asBoolean()).isFalse();
    }

    @Test
    void theStaticPartsAreServed() throws Exception {
        for (String path : new String[] {"/js/onemap.js", "/js/onemap-heat.js", "/js/onemap-figures.js", "/css/onemap.css"}) {
            mvc.perform(get(path).with(as(CADRE))).andExpect(status().isOk());
        }
    }
}

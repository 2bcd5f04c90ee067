package org.linyunzhi.grid.internal.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.internal.demo.DemoTownGenerator;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The offline base map over HTTP: read by the map, replaced whole by an import, bad input refused. */
@IntegrationTest
@AutoConfigureMockMvc
class BaseLayerApiTest {

    static final CurrentUser VIEWER = AsUser.user("base-viewer", DataScope.region("330109107"), "grid:node:view");
    static final CurrentUser IMPORTER = AsUser.user("base-importer", DataScope.all(), "grid:node:view", "grid:node:import");
    static final CurrentUser NOBODY = AsUser.user("base-nobody", DataScope.all());

    @Autowired
    MockMvc mvc;
    @Autowired
    BaseLayers layers;

    JsonNode layers(String query) throws Exception {
        String body = mvc.perform(get("/api/grid/map/base-layers" + query).with(as(VIEWER)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonMapper.builder().build().readTree(body);
    }

    @Test
    void theDemoBaseMapIsServedWithRiversRoadsAndWater() throws Exception {
        JsonNode all = layers("");
        assertThat(all.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(all.get("features").size()).isEqualTo(layers.count()).isGreaterThan(10);
        StringBuilder kinds = new StringBuilder();
        boolean zhishan = false;
        for (JsonNode f : all.get("features")) {
            kinds.append(f.get("properties").get("kind").asString()).append(' ');
            zhishan |= "峙山河".equals(f.get("properties").get("name").asString());
        }
        assertThat(kinds.toString()).contains("WATER").contains("RIVER").contains("ROAD");
        // water is listed first so that rivers and roads are drawn over it
        assertThat(all.get("features").get(0).get("properties").get("kind").asString()).isEqualTo("WATER");
        assertThat(zhishan).isTrue();
    }

    @Test
    void aViewportFarAwayGetsNothingAndTheTownCentreGetsSome() throws Exception {
        assertThat(layers("?bbox=100,20,100.1,20.1").get("features").size()).isZero();
        int centre = layers("?bbox=120.24,30.04,120.26,30.06").get("features").size();
        assertThat(centre).isPositive().isLessThan(layers.count());
    }

    @Test
    void aBadViewportIsA400NamingTheField() throws Exception {
        for (String bad : new String[] {"1,2,3", "a,b,c,d", "120.3,30,120.2,30.1", "200,30,201,31"}) {
            mvc.perform(get("/api/grid/map/base-layers").param("bbox", bad).with(as(VIEWER)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.field").value("bbox"));
        }
    }

    @Test
    void readingNeedsTheViewPermissionAndImportingTheImportPermission() throws Exception {
        mvc.perform(get("/api/grid/map/base-layers").with(as(NOBODY))).andExpect(status().isForbidden());
        mvc.perform(post("/api/grid/map/base-layers").with(as(VIEWER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"type\":\"FeatureCollection\",\"features\":[]}"))
                .andExpect(status().isForbidden());
        assertThat(layers.count()).isPositive();
    }

    @Test
    void aBadUploadIsRefusedWholeWithEveryProblemNamed() throws Exception {
        int before = layers.count();
        String upload = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"kind":"ROAD","name":"ok road"},"geometry":{"type":"LineString","coordinates":[[120.2,30.0],[120.3,30.1]]}},
                 {"type":"Feature","properties":{"kind":"LAKE","name":"x"},"geometry":{"type":"Polygon","coordinates":[[[120.2,30.0],[120.3,30.0],[120.3,30.1],[120.2,30.0]]]}},
                 {"type":"Feature","properties":{"kind":"ROAD"},"geometry":{"type":"Polygon","coordinates":[[[120.2,30.0],[120.3,30.0],[120.3,30.1],[120.2,30.0]]]}},
                 {"type":"Feature","properties":{"kind":"WATER"},"geometry":{"type":"Polygon","coordinates":[[[120.2,30.0],[120.3,30.1],[120.3,30.0],[120.2,30.1],[120.2,30.0]]]}},
                 {"type":"Feature","properties":{"kind":"RIVER","width":-3},"geometry":{"type":"LineString","coordinates":[[220,30],[221,30]]}}
                ]}""";
        mvc.perform(post("/api/grid/map/base-layers").with(as(IMPORTER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(upload))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.problems.length()").value(5))
                .andExpect(jsonPath("$.problems[0].featureIndex").value(1))
                .andExpect(jsonPath("$.problems[0].message").value(org.hamcrest.Matchers.containsString("LAKE")));
        mvc.perform(post("/api/grid/map/base-layers").with(as(IMPORTER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("not json"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/grid/map/base-layers").with(as(IMPORTER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"type\":\"Feature\"}"))
                .andExpect(status().isBadRequest());
        assertThat(layers.count()).isEqualTo(before);
    }

    @Test
    void aGoodUploadReplacesTheBaseMap() throws Exception {
        String upload = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"kind":"ROAD","name":"Test Road","roadClass":"PRIMARY"},"geometry":{"type":"LineString","coordinates":[[120.2,30.0],[120.3,30.1]]}},
                 {"type":"Feature","properties":{"kind":"WATER","name":"Test Lake"},"geometry":{"type":"Polygon","coordinates":[[[120.2,30.0],[120.21,30.0],[120.21,30.01],[120.2,30.0]]]}}
                ]}""";
        try {
            mvc.perform(post("/api/grid/map/base-layers").with(as(IMPORTER)).with(csrf())
                            .contentType("application/geo+json").content(upload))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.features").value(2));
            JsonNode now = layers("");
            assertThat(now.get("features").size()).isEqualTo(2);
            assertThat(now.get("features").get(1).get("properties").get("roadClass").asString()).isEqualTo("PRIMARY");
        } finally {
            // the context is shared: give the other tests their demo base map back
            new BaseLayerRestore(mvc).restore(new DemoTownGenerator().baseLayers(), IMPORTER);
        }
        assertThat(layers.count()).isGreaterThan(10);
    }

    /** Puts the demo base map back through the same API. */
    record BaseLayerRestore(MockMvc mvc) {
        void restore(String collection, CurrentUser as) throws Exception {
            mvc.perform(post("/api/grid/map/base-layers").with(as(as)).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(collection)).andExpect(status().isOk());
        }
    }

    @Test
    void answersAreCachedByTheBrowserForAWhile() throws Exception {
        mvc.perform(get("/api/grid/map/base-layers").with(as(VIEWER)))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("max-age=600")));
    }
}

package org.linyunzhi.grid.internal.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.ExtendedModelMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A configured tile service reaches the page script; without one the script draws the offline map. */
class GridMapControllerTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    JsonNode render(MapProperties properties, String... permissions) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/gridmap");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                AsUser.user("tiles", DataScope.all(), permissions), null, java.util.List.of()));
        ExtendedModelMap model = new ExtendedModelMap();
        String view = new GridMapController(properties, messages).map(model, Locale.ENGLISH);
        assertThat(view).isEqualTo("grid/map");
        return JsonMapper.builder().build().readTree((String) model.getAttribute("mapConfig"));
    }

    @Test
    void aConfiguredTileServiceIsHandedToTheScript() {
        String tianditu = "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY";
        JsonNode config = render(new MapProperties(tianditu, "01234567", "Tianditu", 18, 120.25, 30.05),
                "grid:node:view", "grid:locate", "grid:staff:view");
        assertThat(config.get("tileUrl").asString()).isEqualTo(tianditu);
        assertThat(config.get("tileSubdomains").asString()).isEqualTo("01234567");
        assertThat(config.get("tileAttribution").asString()).isEqualTo("Tianditu");
        assertThat(config.get("canLocate").asBoolean()).isTrue();
        assertThat(config.get("canSeeStaff").asBoolean()).isTrue();
        assertThat(config.get("text").get("base.tiles").asString()).isEqualTo("Online map");
    }

    @Test
    void aBlankTileUrlMeansTheOfflineBaseMap() {
        JsonNode config = render(new MapProperties("  ", "abc", "", 18, 120.25, 30.05), "grid:node:view");
        assertThat(config.get("tileUrl").isNull()).isTrue();
        assertThat(config.get("canLocate").asBoolean()).isFalse();
        assertThat(config.get("center").get(0).asDouble()).isEqualTo(30.05);
    }
}

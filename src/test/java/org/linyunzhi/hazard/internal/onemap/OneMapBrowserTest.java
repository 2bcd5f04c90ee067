package org.linyunzhi.hazard.internal.onemap;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.resource.ResourceApi;
import org.linyunzhi.resource.ResourceKind;
import org.linyunzhi.testsupport.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one map in Chromium, on a desktop and at 390 px: hazards drawn at their level's colour, the
 * nearest shelter and rescue team shown for a hazard and for any place, the campaign figures in the
 * side panel, the drawer on a phone, a filter, and no script error or failed load on the way.
 * One hazard of level 4 is added in a demo micro-grid, so the test knows where to click.
 */
class OneMapBrowserTest extends BrowserTest {

    static final String PASSWORD = "Linpu@2026";
    static final String NUMBER = "OMB-0001";

    @Autowired
    JdbcClient db;
    @Autowired
    ResourceApi resources;
    @Autowired
    CampaignFigures figures;

    double lon;
    double lat;

    @BeforeEach
    void addAHazard() {
        Map<String, Object> mg = db.sql("""
                SELECT code, centroid[0] AS lon, centroid[1] AS lat FROM grid_region_node
                 WHERE level = 'MICRO_GRID' ORDER BY code LIMIT 1 OFFSET 40""").query().singleRow();
        lon = ((Number) mg.get("lon")).doubleValue();
        lat = ((Number) mg.get("lat")).doubleValue();
        db.sql("""
                INSERT INTO hazard_hazard (id, number, title, category_code, catalogue_version, class_code, level, status,
                                           source, department, lon, lat, position, region_code, found_at, deadline)
                VALUES (gen_random_uuid(), :number, 'browser test: blocked fire exit', 'PS-01-001', 1, 'PUBLIC_SAFETY', 4,
                        'ORDERED', 'GRID_REPORT', 'test', :lon, :lat, point(:lon, :lat), :code, now(), now() + interval '7 days')""")
                .param("number", NUMBER).param("lon", lon).param("lat", lat).param("code", mg.get("code")).update();
    }

    @AfterEach
    void removeIt() {
        db.sql("DELETE FROM hazard_hazard WHERE number = :n").param("n", NUMBER).update();
    }

    Page openMap(Page page, List<String> problems) {
        logIn(page, "leader", PASSWORD);
        watchFailedLoads(page, problems);
        page.navigate(url("/hazard/map"));
        page.waitForFunction("() => window.lyzOneMap && window.lyzOneMap.hazardLoads > 0 && window.lyzOneMap.loading === 0");
        return page;
    }

    /** Centres the map on the test's hazard at a street zoom and waits for the hazards drawn there. */
    void goToTheHazard(Page page) {
        int loads = ((Number) page.evaluate("() => window.lyzOneMap.hazardLoads")).intValue();
        page.evaluate("p => window.lyzOneMap.map.setView([p[1], p[0]], 18, {animate: false})", List.of(lon, lat));
        page.waitForFunction("n => window.lyzOneMap.hazardLoads > n && window.lyzOneMap.loading === 0", loads);
    }

    @Test
    void onADesktopHazardsAreDrawnByLevelAndAClickShowsTheNearestResources() {
        Page page = desktop();
        List<String> problems = watchProblems(page);
        openMap(page, problems);

        // the demo town's hazards (a few hundred) are drawn one by one, each in its level's colour
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> drawn = (List<Map<String, Object>>) page.evaluate("() => window.lyzOneMap.drawn");
        assertThat(drawn).isNotEmpty();
        assertThat(drawn).anySatisfy(d -> assertThat(d.get("number")).isEqualTo(NUMBER));
        for (Map<String, Object> d : drawn) {
            int level = ((Number) d.get("level")).intValue();
            assertThat(d.get("colour")).as(d.get("number").toString()).isEqualTo(OneMapPages.LEVEL_COLOURS.get(level));
        }

        // the side panel: the town's figures, as counted
        CampaignFigures.Figures f = figures.overall(DataScope.all());
        Locator side = page.locator("[data-testid=onemap-side]");
        assertThat(side.isVisible()).isTrue();
        assertThat(side.locator("[data-figure=campaigns]").textContent().trim()).isEqualTo(String.format("%,d", f.campaigns()));
        assertThat(side.locator("[data-figure=hazardsFound]").textContent().trim()).isEqualTo(String.format("%,d", f.hazardsFound()));

        goToTheHazard(page);
        Locator marker = page.locator("path[data-number='" + NUMBER + "']");
        assertThat(marker.getAttribute("fill")).isEqualTo("#ef6c00");
        marker.click();
        Locator info = page.locator("[data-testid=onemap-info]");
        info.locator(".onemap-near-kind[data-kind=SHELTER] li").first().waitFor();
        assertThat(info.locator("h2").first().getAttribute("data-number")).isEqualTo(NUMBER);
        assertThat(info.locator(".onemap-level-tag").getAttribute("data-level")).isEqualTo("4");
        assertThat(info.locator("a.onemap-open").getAttribute("href")).startsWith("/hazard/hazards/");
        assertNearest(info, lon, lat);
        screenshot(page, "onemap-desktop");

        // a click on an empty place: the nearest resources to that place
        info.locator("[data-testid=onemap-info-close]").click();
        page.mouse().click(700, 120);
        page.locator("[data-testid=onemap-info] .onemap-near-kind[data-kind=RESCUE_TEAM] li").first().waitFor();
        assertThat(page.locator("[data-testid=onemap-info] .onemap-near-kind[data-kind=SHELTER] li").count()).isPositive();

        // the heat layer and the inspection points, switched on as from the layer control
        page.evaluate("() => { const m = window.lyzOneMap; m.map.setZoom(14, {animate: false});"
                + " m.map.addLayer(m.layers.heat); m.map.addLayer(m.layers.points); }");
        page.waitForFunction("() => window.lyzOneMap.loading === 0 && window.lyzOneMap.counts.heatCells > 0"
                + " && window.lyzOneMap.counts.points !== undefined");
        assertThat(((Number) page.evaluate("() => { const c = document.querySelector('canvas.onemap-heat');"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }")).intValue())
                .as("coloured heat pixels").isPositive();

        // a filter: only level 4 is drawn
        int loads = ((Number) page.evaluate("() => window.lyzOneMap.hazardLoads")).intValue();
        page.locator("#onemap-filters input[name=level][value='4']").check();
        page.waitForFunction("n => window.lyzOneMap.hazardLoads > n && window.lyzOneMap.loading === 0", loads);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> level4 = (List<Map<String, Object>>) page.evaluate("() => window.lyzOneMap.drawn");
        assertThat(level4).isNotEmpty().allSatisfy(d -> assertThat(((Number) d.get("level")).intValue()).isEqualTo(4));

        assertThat(problems).isEmpty();
    }

    @Test
    void onAPhoneTheFiltersAreADrawerAndTheDetailsABottomSheet() {
        Page page = phone();
        List<String> problems = watchProblems(page);
        openMap(page, problems);

        // folded away: the drawer lies left of the screen until the button opens it
        Locator drawer = page.locator("[data-testid=onemap-drawer]");
        assertThat(right(drawer)).isLessThanOrEqualTo(0);
        page.locator("[data-testid=onemap-drawer-toggle]").click();
        page.waitForFunction("() => document.getElementById('onemap-drawer').getBoundingClientRect().left >= 0");
        assertThat(right(drawer)).isLessThanOrEqualTo(PHONE_WIDTH);
        assertThat(page.locator("[data-testid=onemap-side] [data-figure=rate]").isVisible()).isTrue();
        assertThat(page.locator("#onemap-campaign").isVisible()).isTrue();
        drawer.locator(".onemap-drawer-close").click();
        page.waitForFunction("() => document.getElementById('onemap-drawer').getBoundingClientRect().right <= 0");

        goToTheHazard(page);
        page.locator("path[data-number='" + NUMBER + "']").click();
        Locator info = page.locator("[data-testid=onemap-info]");
        info.locator(".onemap-near-kind[data-kind=SHELTER] li").first().waitFor();
        assertNearest(info, lon, lat);
        // a bottom sheet: full width, at the bottom of the screen
        Map<?, ?> box = (Map<?, ?>) info.evaluate("e => { const r = e.getBoundingClientRect(); return {l: r.left, w: r.width, b: r.bottom}; }");
        assertThat(((Number) box.get("w")).doubleValue()).isEqualTo(PHONE_WIDTH, org.assertj.core.data.Offset.offset(1.0));
        assertThat(((Number) box.get("b")).doubleValue()).isGreaterThan(800);
        // nothing wider than the screen
        assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(page, "onemap-phone");
        assertThat(problems).isEmpty();
    }

    /** The nearest shelter and rescue team the panel shows are those the resource module names, nearest first. */
    void assertNearest(Locator info, double lon, double lat) {
        for (ResourceKind kind : List.of(ResourceKind.SHELTER, ResourceKind.RESCUE_TEAM)) {
            var expected = resources.nearest(lon, lat, kind, NearestResources.PER_KIND);
            assertThat(expected).as("demo " + kind).isNotEmpty();
            Locator items = info.locator(".onemap-near-kind[data-kind=" + kind + "] li");
            assertThat(items.count()).isEqualTo(expected.size());
            assertThat(items.first().getAttribute("data-id")).isEqualTo(expected.get(0).place().id().toString());
            assertThat(items.first().locator(".onemap-near-name").textContent()).isEqualTo(expected.get(0).place().name());
        }
    }

    static double right(Locator el) {
        return ((Number) el.evaluate("e => e.getBoundingClientRect().right")).doubleValue();
    }
}

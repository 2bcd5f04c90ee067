package org.linyunzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.Location;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.testsupport.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A newcomer's first minutes in a real Chromium: log in, see the living town on the map with every
 * micro-grid, ask whose a place is, get locked out after five wrong passwords, and be refused a
 * grid of another village.
 */
class NewcomerBrowserTest extends BrowserTest {

    static final String DEMO_PASSWORD = "Linpu@2026";
    static final String TOWN = "330109107";

    @Autowired
    GridApi grid;

    @Test
    void newcomerSeesEveryMicroGridOnTheMapAndFindsWhoIsResponsibleForAPlace() {
        Page page = open(1900, 1400);
        logIn(page, "admin", DEMO_PASSWORD);
        assertThat(page.url()).doesNotContain("/login");
        // the home dashboard counts the living town and charts it per village
        assertThat(page.locator("[data-testid=count-GRID]").innerText()).isEqualTo("90");
        assertThat(page.locator("[data-testid=count-MICRO_GRID]").innerText()).isEqualTo("675");
        assertThat(page.locator("[data-testid=count-DEDICATED_MICRO_GRID]").innerText()).isEqualTo("177");
        page.waitForSelector("[data-chart=bars] svg");
        screenshot(page, "newcomer-home");

        page.click("nav a[href='/grid/map']");
        page.waitForURL("**/grid/map");
        page.waitForFunction("() => window.lyzMap && window.lyzMap.loading === 0 && window.lyzMap.counts.VILLAGE > 0");
        // the whole town at a zoom where micro-grids are drawn
        page.evaluate("() => window.lyzMap.map.setView([30.05, 120.25], 14, {animate: false})");
        page.waitForFunction("() => window.lyzMap.loading === 0 && window.lyzMap.counts.MICRO_GRID > 0");
        page.waitForTimeout(300);
        page.waitForFunction("() => window.lyzMap.loading === 0");

        int micro = (Integer) page.evaluate("() => window.lyzMap.counts.MICRO_GRID");
        int dedicated = (Integer) page.evaluate("() => window.lyzMap.counts.DEDICATED_MICRO_GRID");
        assertThat(micro + dedicated).as("micro-grid polygons drawn").isEqualTo(852);
        assertThat(micro).isEqualTo(675);
        assertThat(dedicated).isEqualTo(177);
        // drawn as SVG paths, one per polygon part, in the panes of the two micro-grid layers
        int paths = (Integer) page.evaluate("() => document.querySelectorAll("
                + "'.leaflet-lyz-MICRO_GRID-pane path, .leaflet-lyz-DEDICATED_MICRO_GRID-pane path').length");
        assertThat(paths).isGreaterThanOrEqualTo(852);
        screenshot(page, "newcomer-map-town");

        // click inside an ordinary micro-grid, away from any dedicated one: a point the index routes
        RegionNode village = grid.children(TOWN).get(0);
        RegionNode someGrid = grid.children(village.code()).get(0);
        double[] point = pointOfAnOrdinaryMicroGrid(page, someGrid.code());
        Location expected = grid.locate(point[0], point[1]);
        assertThat(expected.found()).isTrue();

        page.evaluate("p => window.lyzMap.map.setView([p[1], p[0]], 16, {animate: false})", List.of(point[0], point[1]));
        page.waitForTimeout(300);
        page.waitForFunction("() => window.lyzMap.loading === 0");
        @SuppressWarnings("unchecked")
        Map<String, Object> xy = (Map<String, Object>) page.evaluate(
                "p => { const c = window.lyzMap.map.latLngToContainerPoint([p[1], p[0]]); return {x: c.x, y: c.y}; }",
                List.of(point[0], point[1]));
        var box = page.locator("[data-testid=grid-map]").boundingBox();
        page.mouse().click(box.x + ((Number) xy.get("x")).doubleValue(), box.y + ((Number) xy.get("y")).doubleValue());

        Locator panel = page.locator("[data-testid=grid-map-panel]");
        panel.waitFor();
        // the panel fills in two parts (the place's answer and the node's details); wait for both
        List<String> wanted = new java.util.ArrayList<>(List.of(expected.microGrid().name(), expected.grid().name(),
                expected.village().name()));
        expected.responsible().forEach(p -> wanted.add(p.name()));
        page.waitForFunction("names => { const t = document.querySelector('[data-testid=grid-map-panel]').innerText;"
                + " return names.every(n => t.includes(n)); }", wanted);
        String shown = panel.innerText();
        assertThat(shown).contains(expected.microGrid().name(), expected.grid().name(), expected.village().name());
        assertThat(expected.responsible()).isNotEmpty();
        for (Location.Responsible person : expected.responsible()) {
            assertThat(shown).contains(person.name());
        }
        screenshot(page, "newcomer-map-locate");
    }

    @Test
    void aNewUserChangesTheInitialPasswordAndIsLockedOutAfterFiveWrongOnes() {
        Page admin = desktop();
        logIn(admin, "admin", DEMO_PASSWORD);
        String username = "newcomer-" + UUID.randomUUID().toString().substring(0, 6);
        String initial = createUser(admin, username);

        // first login with the initial password leads to the forced change
        Page page = phone();
        logIn(page, username, initial);
        assertThat(page.url()).contains("/account/password");
        page.fill("#currentPassword", initial);
        page.fill("#newPassword", "Grid-Work-2026");
        page.fill("#confirmPassword", "Grid-Work-2026");
        page.click("main form button[type=submit]");
        page.waitForLoadState();
        assertThat(page.url()).doesNotContain("/account/password").doesNotContain("/login");
        // the home page fits a phone: the grid worker sees their own grid's numbers
        page.navigate(url("/"));
        assertThat(page.locator("[data-testid=count-GRID]").innerText()).isEqualTo("1");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(page, "newcomer-home-phone");

        // five wrong passwords lock the account; then even the right one is refused until the lock ends
        Page stranger = phone();
        for (int i = 0; i < 5; i++) {
            logIn(stranger, username, "wrong-" + i);
            assertThat(stranger.url()).contains("/login");
        }
        logIn(stranger, username, "Grid-Work-2026");
        assertThat(stranger.url()).contains("/login");
        assertThat(stranger.locator("main").innerText()).contains("账号已锁定");
        screenshot(stranger, "newcomer-locked-out");
    }

    @Test
    void aVillageCadreIsRefusedAnotherVillagesGrid() {
        // the demo cadre is bound to the town's first village
        List<RegionNode> villages = grid.children(TOWN);
        RegionNode otherVillage = villages.get(villages.size() - 1);
        RegionNode foreignGrid = grid.children(otherVillage.code()).get(0);
        RegionNode ownGrid = grid.children(villages.get(0).code()).get(0);

        Page page = desktop();
        logIn(page, "cadre", DEMO_PASSWORD);
        Response own = page.navigate(url("/grid/nodes/" + ownGrid.code()));
        assertThat(own.status()).isEqualTo(200);
        assertThat(page.locator("main").innerText()).contains(ownGrid.name());

        Response foreign = page.navigate(url("/grid/nodes/" + foreignGrid.code()));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(page.locator("main").innerText()).doesNotContain(foreignGrid.name());
        Response api = page.navigate(url("/api/grid/nodes/" + foreignGrid.code()));
        assertThat(api.status()).isEqualTo(404);
        screenshot(page, "cadre-refused-foreign-grid");
    }

    /** Creates a grid worker through the users page, as an administrator would; returns the initial password. */
    private String createUser(Page admin, String username) {
        RegionNode village = grid.children(TOWN).get(0);
        RegionNode someGrid = grid.children(village.code()).get(0);
        admin.navigate(url("/system/users/new"));
        admin.fill("#username", username);
        admin.fill("#displayName", "新同事");
        admin.fill("#regionCode", someGrid.code());
        admin.selectOption("#scopeKind", "REGION");
        admin.check("input[name=roles][value=GRID_WORKER]");
        admin.click("main form button[type=submit]:has-text('保存')");
        admin.waitForLoadState();
        String secret = admin.locator("code.secret").innerText();
        assertThat(secret).isNotBlank();
        return secret;
    }

    /** An interior point of an ordinary micro-grid of the grid that no dedicated micro-grid covers. */
    private double[] pointOfAnOrdinaryMicroGrid(Page page, String gridCode) {
        for (RegionNode child : grid.children(gridCode)) {
            if (child.level() != RegionLevel.MICRO_GRID) continue;
            @SuppressWarnings("unchecked")
            Map<String, Object> node = (Map<String, Object>) page.evaluate(
                    "code => fetch('/api/grid/nodes/' + code).then(r => r.json())", child.code());
            @SuppressWarnings("unchecked")
            List<Number> c = (List<Number>) node.get("centroid");
            Location at = grid.locate(c.get(0).doubleValue(), c.get(1).doubleValue());
            if (at.found() && at.microGrid().code().equals(child.code())) {
                return new double[] {c.get(0).doubleValue(), c.get(1).doubleValue()};
            }
        }
        throw new AssertionError("no micro-grid of " + gridCode + " holds its own centroid");
    }

    private Page open(int width, int height) {
        Page page = desktop();
        page.setViewportSize(width, height);
        return page;
    }
}

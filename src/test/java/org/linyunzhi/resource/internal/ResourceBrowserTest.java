package org.linyunzhi.resource.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.resource.NearbyResource;
import org.linyunzhi.resource.ResourceApi;
import org.linyunzhi.resource.ResourceKind;
import org.linyunzhi.testsupport.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A command-center operator on a phone (390 px) in a real Chromium: the overview, the map with the
 * demo town's resources, the nearest shelter to a point, a stock movement refused and then made,
 * and a rescue team sent out, arriving and coming back, its status following, with no page wider
 * than the phone and no script or policy error; and a shelter filed through the form by a tap on
 * its map.
 */
class ResourceBrowserTest extends BrowserTest {

    @Autowired
    ResourceApi resources;

    @Autowired
    JdbcClient jdbc;

    void fitsThePhone(Page page) {
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(PHONE_WIDTH);
    }

    @Test
    void anOperatorFindsSendsAndRestocksResourcesOnAPhone() {
        Page page = phone();
        List<String> problems = watchProblems(page);
        logIn(page, "operator", "Linpu@2026");
        watchFailedLoads(page, problems);

        page.navigate(url("/resource"));
        assertThat(Integer.parseInt(page.textContent("#count-teams").strip())).isGreaterThanOrEqualTo(10);
        assertThat(Integer.parseInt(page.textContent("#count-shelters").strip())).isGreaterThanOrEqualTo(28);
        assertThat(Integer.parseInt(page.textContent("#count-alerts").strip())).isPositive();
        fitsThePhone(page);
        screenshot(page, "resource-home-phone");

        // the map draws every kind, and each marker is the demo town's
        page.navigate(url("/resource/map"));
        page.waitForSelector("#resource-map[data-loaded]");
        int drawn = Integer.parseInt(page.getAttribute("#resource-map", "data-loaded"));
        assertThat(drawn).isGreaterThan(0);
        assertThat(page.locator("path.leaflet-interactive").count()).isEqualTo(drawn);
        fitsThePhone(page);
        screenshot(page, "resource-map-phone");

        // the nearest shelter to the town centre, as the brute-force-checked API has it
        page.navigate(url("/resource/nearest"));
        page.fill("#lon", "120.25");
        page.fill("#lat", "30.05");
        page.click("#nearest-button");
        NearbyResource shelter = resources.nearest(120.25, 30.05, ResourceKind.SHELTER, 1).get(0);
        assertThat(page.textContent("#nearest-SHELTER tbody tr:first-child")).contains(shelter.place().name());
        fitsThePhone(page);
        page.fill("#lat", "91");
        page.click("#nearest-button");
        assertThat(page.textContent("#lat-error")).contains("-90");

        // a stock item: taking out more than is there is refused beside the field, then stock comes in
        String stockId = jdbc.sql("SELECT s.id::text FROM resource_stock s ORDER BY s.item, s.id LIMIT 1").query(String.class).single();
        int before = jdbc.sql("SELECT quantity FROM resource_stock WHERE id = CAST(:id AS uuid)").param("id", stockId)
                .query(Integer.class).single();
        page.navigate(url("/resource/stock/" + stockId));
        page.selectOption("#direction", "OUT");
        page.fill("#quantity", String.valueOf(before + 1));
        page.fill("#reason", "test");
        page.click("#move-button");
        assertThat(page.textContent("#quantity-error")).contains(String.valueOf(before));
        assertThat(page.inputValue("#quantity")).isEqualTo(String.valueOf(before + 1));
        page.selectOption("#direction", "IN");
        page.fill("#quantity", "3");
        page.click("#move-button");
        assertThat(page.textContent("#stock-quantity").strip()).isEqualTo(String.valueOf(before + 3));
        fitsThePhone(page);

        // a team on duty is sent to a hazard, arrives and comes back
        String teamId = jdbc.sql("SELECT id::text FROM resource_team WHERE status = 'ON_DUTY' ORDER BY name LIMIT 1")
                .query(String.class).single();
        page.navigate(url("/resource/teams/" + teamId));
        fitsThePhone(page);
        page.fill("#targetId", UUID.randomUUID().toString());
        page.fill("#note", "embankment seepage");
        page.click("#dispatch-button");
        page.waitForSelector("#move-ARRIVED");
        page.click("#move-ARRIVED");
        page.click("#move-RETURNED");
        assertThat(page.locator("#timeline tbody tr").count()).isEqualTo(3);
        fitsThePhone(page);
        screenshot(page, "resource-dispatch-phone");
        page.navigate(url("/resource/teams/" + teamId));
        assertThat(page.getAttribute("#team-status", "class")).contains("tag-green");

        assertThat(problems).isEmpty();
    }
    /** A shelter filed on the phone: the position comes from a tap on the form's map, a refusal keeps it. */
    @Test
    void anOperatorFilesAShelterByTappingTheMapOnAPhone() {
        Page page = phone();
        List<String> problems = watchProblems(page);
        logIn(page, "operator", "Linpu@2026");
        watchFailedLoads(page, problems);

        page.navigate(url("/resource/shelters"));
        page.click("#add-shelters");
        page.waitForSelector("#resource-pick-map[data-ready]");
        fitsThePhone(page);
        // the map opens on the town centre; a tap a little off it sets both fields
        page.locator("#resource-pick-map").click(new com.microsoft.playwright.Locator.ClickOptions()
                .setPosition(page.locator("#resource-pick-map").boundingBox().width / 2 + 10,
                        page.locator("#resource-pick-map").boundingBox().height / 2 + 10));
        String lon = page.inputValue("#lon");
        String lat = page.inputValue("#lat");
        assertThat(Double.parseDouble(lon)).isBetween(120.2, 120.3);
        assertThat(Double.parseDouble(lat)).isBetween(30.0, 30.1);
        assertThat(page.locator("#resource-pick-map path.leaflet-interactive").count()).isEqualTo(1);

        // no name: refused beside the name, the tapped point kept and drawn again
        page.selectOption("#level", "VILLAGE");
        page.fill("#capacityDay", "80");
        page.fill("#capacityNight", "60");
        page.fill("#address", "browser road 1");
        page.click("#save-button");
        assertThat(page.textContent("#name-error")).isNotBlank();
        assertThat(page.inputValue("#lon")).isEqualTo(lon);
        page.waitForSelector("#resource-pick-map path.leaflet-interactive");
        fitsThePhone(page);
        screenshot(page, "resource-shelter-form-phone");

        String name = "browser shelter " + UUID.randomUUID();
        page.fill("#name", name);
        page.click("#save-button");
        page.waitForURL(u -> u.matches(".*/resource/shelters/[0-9a-f-]{36}$"));
        NearbyResource nearest = resources.nearest(Double.parseDouble(lon), Double.parseDouble(lat),
                ResourceKind.SHELTER, 1).get(0);
        assertThat(nearest.place().name()).isEqualTo(name);
        assertThat(page.url()).endsWith(nearest.place().id().toString());
        fitsThePhone(page);

        assertThat(problems).isEmpty();
    }
}

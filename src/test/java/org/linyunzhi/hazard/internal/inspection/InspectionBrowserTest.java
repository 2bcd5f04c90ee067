package org.linyunzhi.hazard.internal.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Geolocation;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.UserDirectory;
import org.linyunzhi.testsupport.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A grid worker on a phone: opens "my inspection points", opens a point of a running campaign,
 * fails an item, reports it as a hazard of the chosen category, and submits with the phone's
 * position; the hazard is filed with the campaign, the visit and the place. Then the officer's
 * campaign page counts the point as inspected and the hazard as found.
 */
class InspectionBrowserTest extends BrowserTest {

    static final String PASSWORD = "Linpu@2026";

    @Autowired
    CampaignIssuing issuing;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.linyunzhi.grid.GridApi gridApi;

    @Autowired
    org.linyunzhi.registry.RegistryApi registry;

    @Test
    void aGridWorkerFailsAnItemAndReportsAHazardFromThePhone() {
        String grid = users.byUsername("gridworker").orElseThrow().regionCode();
        String category = jdbc.sql("SELECT code FROM hazard_category WHERE active ORDER BY code OFFSET 3 LIMIT 1")
                .query(String.class).single();
        String name = "Phone check " + UUID.randomUUID().toString().substring(0, 8);
        String microGrid = InspectionFixtures.freeMicroGrid(jdbc, gridApi, registry, grid);
        var created = issuing.create(InspectionFixtures.campaign(name, null, InspectionFixtures.region("HOUSE", microGrid),
                        new CampaignRequest.Item("Fire exits clear", null, null),
                        new CampaignRequest.Item("Extinguisher in date", null, null)),
                InspectionFixtures.user(users, "officer", InspectionFixtures.OFFICER));
        Map<String, Object> point = jdbc.sql("SELECT id, name, lon, lat FROM hazard_inspection_point WHERE id = :p")
                .param("p", InspectionFixtures.lonePoint(jdbc, created.campaign().id())).query().singleRow();
        List<UUID> items = jdbc.sql("SELECT id FROM hazard_checklist_item WHERE campaign_id = :c ORDER BY position")
                .param("c", created.campaign().id()).query(UUID.class).list();

        Page phone = phone();
        List<String> problems = watchProblems(phone);
        phone.context().grantPermissions(List.of("geolocation"));
        phone.context().setGeolocation(new Geolocation((Double) point.get("lat"), (Double) point.get("lon")));
        logIn(phone, "gridworker", PASSWORD);
        phone.navigate(url("/hazard/inspection/my"));
        fitsThePhone(phone);
        phone.click("[data-testid='point-" + point.get("id") + "']");
        phone.waitForSelector("[data-testid=point-form]");
        assertThat(phone.textContent("[data-testid=point-name]")).isEqualTo((String) point.get("name"));
        phone.waitForSelector("#gps-lat[value]:not([value=''])", new Page.WaitForSelectorOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));

        phone.check("input[name='r_" + items.get(0) + "'][value=FAIL]");
        phone.fill("input[name='n_" + items.get(0) + "']", "Bicycles block the exit");
        phone.check("input[name='h_" + items.get(0) + "']");
        phone.selectOption("select[name='c_" + items.get(0) + "']", category);
        phone.check("input[name='r_" + items.get(1) + "'][value=PASS]");
        fitsThePhone(phone);
        screenshot(phone, "inspection-point-form-phone");
        phone.click("[data-testid=visit-submit]");
        phone.waitForSelector("[data-testid=visit-recorded]");
        String hazardNumber = jdbc.sql("SELECT number FROM hazard_hazard WHERE campaign_id = :c")
                .param("c", created.campaign().id()).query(String.class).single();
        assertThat(phone.textContent("[data-testid=visit-recorded]")).contains(hazardNumber);
        screenshot(phone, "inspection-recorded-phone");

        Map<String, Object> hazard = jdbc.sql("""
                SELECT h.category_code, h.source, h.place_id, p.place_id AS point_place, i.lat AS gps_lat
                  FROM hazard_hazard h JOIN hazard_inspection i ON i.id = h.inspection_id
                  JOIN hazard_inspection_point p ON p.campaign_id = h.campaign_id AND p.id = :p
                 WHERE h.campaign_id = :c""").param("c", created.campaign().id()).param("p", point.get("id"))
                .query().singleRow();
        assertThat(hazard.get("category_code")).isEqualTo(category);
        assertThat(hazard.get("source")).isEqualTo("INSPECTION");
        assertThat(hazard.get("place_id")).isEqualTo(hazard.get("point_place"));
        assertThat((Double) hazard.get("gps_lat")).isCloseTo((Double) point.get("lat"), org.assertj.core.data.Offset.offset(1e-5));

        Page desk = logIn(desktop(), "officer", PASSWORD);
        desk.navigate(url("/hazard/inspection/campaigns/" + created.campaign().id()));
        assertThat(desk.textContent("[data-testid=figure-inspected]").strip()).isEqualTo("1");
        assertThat(desk.textContent("[data-testid=figure-hazards]").strip()).isEqualTo("1");
        assertThat(desk.textContent("[data-testid=findings]")).contains("Bicycles block the exit");
        assertThat(problems).isEmpty();
    }

    /**
     * The officer's form: ticking accommodation shows the registry's count before anything is created;
     * an area drawn on the map (three clicks and "finish") narrows it; the campaign is created from the page.
     */
    @Test
    void theOfficerPreviewsTargetsAndDrawsTheAreaOnTheMap() {
        Page desk = logIn(desktop(), "officer", PASSWORD);
        List<String> problems = watchProblems(desk);
        desk.navigate(url("/hazard/inspection/campaigns/new"));
        desk.waitForFunction("() => window.lyzAreaMap && document.querySelector('#area-map .leaflet-overlay-pane svg')");
        desk.fill("#name", "Drawn area check");
        desk.selectOption("#type", "FIRE");
        desk.fill("[data-testid=item-text-0]", "Exits clear");
        desk.selectOption("#kind", "HOUSE");
        desk.waitForSelector("[data-testid=preview]:has-text('符合条件')");
        int allHouses = number(desk.textContent("[data-testid=preview]"));
        assertThat(allHouses).isPositive();

        desk.locator("#area-map").scrollIntoViewIfNeeded();
        var box = desk.locator("#area-map").boundingBox();
        double cx = box.x + box.width / 2, cy = box.y + box.height / 2;
        desk.mouse().click(cx - 60, cy - 40);
        desk.mouse().click(cx + 60, cy - 40);
        desk.mouse().click(cx, cy + 60);
        assertThat((Integer) desk.evaluate("() => window.lyzAreaMap.corners")).isEqualTo(3);
        desk.click("#area-finish");
        assertThat(desk.inputValue("#area")).contains("\"Polygon\"");
        screenshot(desk, "inspection-campaign-area-drawn");
        desk.waitForFunction("n => !document.querySelector('[data-testid=preview]').textContent.includes(n)",
                String.valueOf(allHouses));
        int inArea = number(desk.textContent("[data-testid=preview]"));
        assertThat(inArea).isLessThan(allHouses);
        assertThat(desk.inputValue("#area")).contains("\"Polygon\"");
        screenshot(desk, "inspection-campaign-form");
        if (inArea > 0) {
            desk.click("[data-testid=campaign-create]");
            desk.waitForSelector("[data-testid=campaign-created]");
            assertThat(desk.textContent("[data-testid=figure-points]").strip()).isEqualTo(String.valueOf(inArea));
        }
        assertThat(problems).isEmpty();
    }

    /** The first number in a text (the count in the preview line). */
    private static int number(String text) {
        // the count is written with grouping separators (2,088)
        var m = java.util.regex.Pattern.compile("\\d+").matcher(text.replace(",", ""));
        assertThat(m.find()).as(text).isTrue();
        return Integer.parseInt(m.group());
    }

    private void fitsThePhone(Page page) {
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(PHONE_WIDTH);
    }
}

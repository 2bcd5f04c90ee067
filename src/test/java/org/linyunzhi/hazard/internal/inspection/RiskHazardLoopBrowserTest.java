package org.linyunzhi.hazard.internal.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Geolocation;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.identity.UserDirectory;
import org.linyunzhi.registry.RegistryApi;
import org.linyunzhi.resource.ResourceApi;
import org.linyunzhi.resource.ResourceKind;
import org.linyunzhi.task.TestPhotos;
import org.linyunzhi.testsupport.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The risk-hazard loop of issue 4 end to end, across the inspection, hazard, one-map and resource
 * pages: an inspector on a phone inspects a point and reports a hazard; the town leader finds it on
 * the one map in its level's colour with the nearest shelter and rescue team; the village cadre
 * orders the rectification, the worker records the responsible party's evidence, the cadre verifies
 * it; and the campaign's figures on the figures page move from "found, not rectified" to rectified.
 */
class RiskHazardLoopBrowserTest extends BrowserTest {

    static final String PASSWORD = "Linpu@2026";
    /** A category of the default catalogue whose default level is 1 (the micro-grid resolves it). */
    static final String CATEGORY = "PS-06-003";
    static final String LEVEL_1_COLOUR = "#2e7d32";

    @Autowired
    CampaignIssuing issuing;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GridApi grid;
    @Autowired
    RegistryApi registry;
    @Autowired
    ResourceApi resources;

    final List<List<String>> watched = new ArrayList<>();

    @Test
    void anInspectedHazardIsMappedWithItsNearestResourcesRectifiedAndCounted() throws Exception {
        // a fire-safety campaign over the houses of one micro-grid of the grid worker's grid
        String workerGrid = users.byUsername("gridworker").orElseThrow().regionCode();
        String microGrid = InspectionFixtures.freeMicroGrid(jdbc, grid, registry, workerGrid);
        String name = "Loop check " + UUID.randomUUID().toString().substring(0, 8);
        var created = issuing.create(InspectionFixtures.campaign(name, null, InspectionFixtures.region("HOUSE", microGrid),
                        new CampaignRequest.Item("No charging of e-bikes in the stairwell", null, null)),
                InspectionFixtures.user(users, "officer", InspectionFixtures.OFFICER));
        String campaignCode = created.campaign().code();
        UUID pointId = InspectionFixtures.lonePoint(jdbc, created.campaign().id());
        Map<String, Object> point = jdbc.sql("SELECT lon, lat FROM hazard_inspection_point WHERE id = :p")
                .param("p", pointId).query().singleRow();
        double lon = (Double) point.get("lon");
        double lat = (Double) point.get("lat");
        UUID item = jdbc.sql("SELECT id FROM hazard_checklist_item WHERE campaign_id = :c")
                .param("c", created.campaign().id()).query(UUID.class).single();

        // 1. the inspector, on a phone at the point, fails the item and reports it as a hazard
        Page phone = phone();
        watch(phone);
        phone.context().grantPermissions(List.of("geolocation"));
        phone.context().setGeolocation(new Geolocation(lat, lon));
        logIn(phone, "gridworker", PASSWORD);
        phone.navigate(url("/hazard/inspection/my"));
        phone.click("[data-testid='point-" + pointId + "']");
        phone.waitForSelector("#gps-lat[value]:not([value=''])",
                new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
        phone.check("input[name='r_" + item + "'][value=FAIL]");
        phone.fill("input[name='n_" + item + "']", "E-bike charged from a cable out of the window");
        phone.check("input[name='h_" + item + "']");
        phone.selectOption("select[name='c_" + item + "']", CATEGORY);
        phone.click("[data-testid=visit-submit]");
        phone.waitForSelector("[data-testid=visit-recorded]");
        Map<String, Object> hazard = jdbc.sql("SELECT id, number, level FROM hazard_hazard WHERE campaign_id = :c")
                .param("c", created.campaign().id()).query().singleRow();
        String number = (String) hazard.get("number");
        assertThat(((Number) hazard.get("level")).intValue()).isEqualTo(1);
        assertThat(phone.textContent("[data-testid=visit-recorded]")).contains(number);
        assertThat(((Number) phone.evaluate("document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(PHONE_WIDTH);

        // 2. the figures: the campaign has found one hazard and rectified none
        Page leader = logIn(desktop(), "leader", PASSWORD);
        watch(leader);
        assertThat(campaignRow(leader, campaignCode)).containsExactly("1", "1", "0");
        int rectifiedBefore = overallRectified(leader);

        // 3. the one map: the hazard in its level's colour, and its nearest shelter and rescue team
        leader.navigate(url("/hazard/map"));
        leader.waitForFunction("() => window.lyzOneMap && window.lyzOneMap.hazardLoads > 0 && window.lyzOneMap.loading === 0");
        int loads = ((Number) leader.evaluate("() => window.lyzOneMap.hazardLoads")).intValue();
        leader.evaluate("p => window.lyzOneMap.map.setView([p[1], p[0]], 18, {animate: false})", List.of(lon, lat));
        leader.waitForFunction("n => window.lyzOneMap.hazardLoads > n && window.lyzOneMap.loading === 0", loads);
        Locator marker = leader.locator("path[data-number='" + number + "']");
        assertThat(marker.getAttribute("fill")).isEqualTo(LEVEL_1_COLOUR);
        marker.click();
        Locator info = leader.locator("[data-testid=onemap-info]");
        info.locator(".onemap-near-kind[data-kind=RESCUE_TEAM] li").first().waitFor();
        for (ResourceKind kind : List.of(ResourceKind.SHELTER, ResourceKind.RESCUE_TEAM)) {
            var nearest = resources.nearest(lon, lat, kind, 1).get(0).place();
            Locator first = info.locator(".onemap-near-kind[data-kind=" + kind + "] li").first();
            assertThat(first.getAttribute("data-id")).as(kind.name()).isEqualTo(nearest.id().toString());
            assertThat(first.locator(".onemap-near-name").textContent()).isEqualTo(nearest.name());
        }
        screenshot(leader, "risk-loop-one-map");

        // 4. rectification: ordered by the cadre, evidence from the worker, verified by the cadre
        String detail = url("/hazard/hazards/" + hazard.get("id"));
        Path photo = Files.createTempFile("rectified", ".jpg");
        Files.write(photo, TestPhotos.jpegWithGps(lon, lat));
        Page cadre = signedIn(desktop(), "cadre", detail);
        cadre.fill("#note-ORDER", "Move the charging to the shed within three days");
        cadre.click("#action-ORDER button");
        assertThat(cadre.textContent("#hazard-status")).isEqualTo("已下达整改通知");
        phone = signedIn(phone(), "gridworker", detail);
        phone.click("#action-START button");
        phone.fill("#note-SUBMIT_EVIDENCE", "The owner charges in the shed now");
        phone.setInputFiles("#photos-SUBMIT_EVIDENCE", photo);
        phone.click("#action-SUBMIT_EVIDENCE button");
        assertThat(phone.textContent("#hazard-status")).isEqualTo("待复核");
        cadre = signedIn(desktop(), "cadre", detail);
        cadre.click("#action-PASS button");
        assertThat(cadre.textContent("#hazard-status")).isEqualTo("已销号");

        // 5. the figures follow: the campaign's hazard is rectified, and the town has one more
        leader = logIn(desktop(), "leader", PASSWORD);
        watch(leader);
        assertThat(campaignRow(leader, campaignCode)).containsExactly("1", "1", "1");
        assertThat(overallRectified(leader)).isEqualTo(rectifiedBefore + 1);
        screenshot(leader, "risk-loop-figures");
        assertThat(watched).allSatisfy(seen -> assertThat(seen).isEmpty());
    }

    /** Points inspected, hazards found and rectified in the campaign's row of the figures table. */
    private List<String> campaignRow(Page page, String campaignCode) {
        page.navigate(url("/hazard/figures"));
        Locator cells = page.locator("tr[data-campaign='" + campaignCode + "'] td");
        return List.of(cells.nth(5).textContent().strip(), cells.nth(6).textContent().strip(),
                cells.nth(7).textContent().strip());
    }

    private int overallRectified(Page page) {
        page.navigate(url("/hazard/figures"));
        return Integer.parseInt(page.textContent("[data-figure=rectified]").strip().replace(",", ""));
    }

    private Page signedIn(Page page, String username, String at) {
        logIn(page, username, PASSWORD);
        watch(page);
        page.navigate(at);
        return page;
    }

    private void watch(Page page) {
        List<String> seen = watchProblems(page);
        watchFailedLoads(page, seen);
        watched.add(seen);
    }
}

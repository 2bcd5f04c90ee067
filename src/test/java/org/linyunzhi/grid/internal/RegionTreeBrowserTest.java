package org.linyunzhi.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.linyunzhi.testsupport.BrowserTest;

/**
 * The grid pages in a real browser at a phone's width, signed in as the demo users: the tree opens
 * branch by branch, a node's detail replaces the panel and the URL, nothing overflows sideways.
 */
class RegionTreeBrowserTest extends BrowserTest {

    /** The demo users' published password (README, demo profile only). */
    static final String DEMO_PASSWORD = "Linpu@2026";

    @Test
    void aVillageCadreOpensTheTreeBranchByBranchOnAPhone() {
        Page page = logIn(phone(), "cadre", DEMO_PASSWORD);
        page.navigate(url("/grid/nodes"));
        // the cadre's scope is one village: it is the only top node, its grids not loaded yet
        assertThat(page.locator(".tree-root > ul.tree > li").count()).isEqualTo(1);
        assertThat(page.locator(".tree-root ul.tree ul.tree li").count()).isZero();

        page.locator(".tree-root .toggle").first().click();
        page.locator(".tree-root ul.tree ul.tree li").first().waitFor();
        int grids = page.locator(".tree-root ul.tree ul.tree > li").count();
        assertThat(grids).isPositive();
        var toggle = page.locator(".tree-root .toggle").first();
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        // folding hides the branch without fetching it again; unfolding shows it
        toggle.click();
        assertThat(page.locator(".tree-root ul.tree ul.tree").first().isHidden()).isTrue();
        toggle.click();
        assertThat(page.locator(".tree-root ul.tree ul.tree > li").count()).isEqualTo(grids);

        // a grid's link fills the detail panel without leaving the page, and the URL follows
        var firstGrid = page.locator(".tree-root ul.tree ul.tree > li > a").first();
        String gridName = firstGrid.textContent().strip();
        firstGrid.click();
        page.waitForURL("**/grid/nodes/*");
        page.locator("#node-detail h2").waitFor();
        assertThat(page.locator("#node-detail h2").textContent()).isEqualTo(gridName);
        assertThat(page.locator("#node-detail").textContent()).contains("网格长");

        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(page, "grid-nodes-phone");
    }

    @Test
    void theStaffingAndImportPagesFitAPhone() {
        Page page = logIn(phone(), "admin", DEMO_PASSWORD);
        page.navigate(url("/grid/staffing"));
        assertThat(page.locator("h1").textContent()).isEqualTo("人员配置完整性");
        // choosing a village narrows the report in place, and the URL keeps the filter
        String village = page.locator("#under option").nth(1).getAttribute("value");
        page.selectOption("#under", village);
        page.waitForURL("**under=" + village + "*");
        page.locator("#staffing-report").waitFor();
        assertThat(page.locator("#staffing-report section.panel h2 a").allTextContents())
                .allSatisfy(name -> assertThat(name).isEqualTo(page.locator("#under option:checked").textContent().strip()));
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(page, "grid-staffing-phone");

        page.navigate(url("/grid/import"));
        assertThat(page.locator("h1").textContent()).isEqualTo("导入区划树");
        // the demo town is tiled without holes or overlaps
        assertThat(page.locator(".alert.ok").textContent()).contains("无空洞");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(page, "grid-import-phone");
    }
}

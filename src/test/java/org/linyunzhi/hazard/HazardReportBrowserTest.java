package org.linyunzhi.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.Location;
import org.linyunzhi.identity.UserDirectory;
import org.linyunzhi.task.TestPhotos;
import org.linyunzhi.testsupport.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A grid worker on a 390 px phone reports a hazard with a photo and its position; the village cadre
 * orders its rectification; the worker records the evidence; the cadre fails the re-inspection with
 * a reason, the worker sees why and submits again, and the cadre passes it: the hazard is closed and
 * every step is on its history. Nothing on the way is refused by the page's security policy.
 */
class HazardReportBrowserTest extends BrowserTest {

    static final String PASSWORD = "Linpu@2026";

    /** What went wrong on every page opened, from each browser profile's watcher. */
    final List<List<String>> watched = new java.util.ArrayList<>();

    @Autowired
    GridApi grid;
    @Autowired
    UserDirectory users;

    @Test
    void aGridWorkersPhoneReportIsRectifiedAndClosed() throws Exception {
        String workerGrid = users.byUsername("gridworker").orElseThrow().regionCode();
        double[] inside = pointIn(workerGrid);
        Path photo = Files.createTempFile("hazard", ".jpg");
        Files.write(photo, TestPhotos.jpegWithGps(inside[0], inside[1]));

        // 1. the worker reports on the phone: category, title, photo, position typed (no GPS in the test browser)
        Page phone = logIn(phone(), "gridworker", PASSWORD);
        List<String> problems = watchProblems(phone);
        watchFailedLoads(phone, problems);
        phone.navigate(url("/hazard/report"));
        assertThat(phone.evaluate("document.documentElement.scrollWidth")).isEqualTo(PHONE_WIDTH);
        assertThat(phone.locator("#categoryCode option").count()).isGreaterThan(200);
        phone.selectOption("#categoryCode", "PS-06-003");
        phone.fill("#title", "楼道飞线充电");
        phone.fill("#description", "二楼窗口拉线给电动车充电");
        phone.fill("#responsibleParty", "房东陈某");
        phone.setInputFiles("#photos", photo);
        phone.fill("#lon", String.valueOf(inside[0]));
        phone.fill("#lat", String.valueOf(inside[1]));
        screenshot(phone, "hazard-report-phone");
        phone.click("#report-submit");
        phone.waitForSelector("#hazard-status");
        assertThat(phone.textContent("#flash-message")).contains("YH");
        assertThat(phone.textContent("#hazard-status")).isEqualTo("已发现");
        assertThat(phone.locator(".tag.level-1").count()).isGreaterThan(0);
        assertThat(phone.locator(".photos img").count()).isEqualTo(1);
        assertThat(phone.evaluate("document.documentElement.scrollWidth")).isEqualTo(PHONE_WIDTH);
        String detail = phone.url();

        assertThat(problems).isEmpty();

        // 2. the village cadre issues the rectification order (one browser profile at a time: each signs in anew)
        Page desk = cadreAt(detail, problems);
        desk.fill("#note-ORDER", "三日内拆除飞线");
        desk.click("#action-ORDER button");
        assertThat(desk.textContent("#hazard-status")).isEqualTo("已下达整改通知");

        // 3. the worker records the party's rectification with a photo
        phone = workerAt(detail, problems);
        phone.click("#action-START button");
        assertThat(phone.textContent("#hazard-status")).isEqualTo("整改中");
        phone.fill("#note-SUBMIT_EVIDENCE", "已拆除");
        phone.setInputFiles("#photos-SUBMIT_EVIDENCE", photo);
        phone.click("#action-SUBMIT_EVIDENCE button");
        assertThat(phone.textContent("#hazard-status")).isEqualTo("待复核");

        // 4. re-inspection fails with a reason the worker then reads
        desk = cadreAt(detail, problems);
        desk.fill("#note-FAIL", "插线板仍在楼道");
        desk.click("#action-FAIL button");
        assertThat(desk.textContent("#hazard-status")).isEqualTo("复核不通过");
        phone = workerAt(detail, problems);
        assertThat(phone.textContent(".facts")).contains("插线板仍在楼道");
        phone.fill("#note-SUBMIT_EVIDENCE", "插线板已收走");
        phone.setInputFiles("#photos-SUBMIT_EVIDENCE", photo);
        phone.click("#action-SUBMIT_EVIDENCE button");

        // 5. and passes the second time: closed, with every step on the history
        desk = cadreAt(detail, problems);
        desk.click("#action-PASS button");
        assertThat(desk.textContent("#hazard-status")).isEqualTo("已销号");
        assertThat(desk.locator("#timeline li").evaluateAll("els => els.map(e => e.dataset.action)"))
                .isEqualTo(List.of("REPORT", "ORDER", "START", "SUBMIT_EVIDENCE", "FAIL", "SUBMIT_EVIDENCE", "PASS"));
        assertThat(desk.locator(".photos img").count()).isEqualTo(3);
        screenshot(desk, "hazard-closed");
        assertThat(watched).allSatisfy(seen -> assertThat(seen).isEmpty());
    }

    Page cadreAt(String detail, List<String> problems) {
        Page desk = logIn(desktop(), "cadre", PASSWORD);
        List<String> seen = watchProblems(desk);
        watchFailedLoads(desk, seen);
        watched.add(seen);
        desk.navigate(detail);
        return desk;
    }

    Page workerAt(String detail, List<String> problems) {
        Page phone = logIn(phone(), "gridworker", PASSWORD);
        List<String> seen = watchProblems(phone);
        watchFailedLoads(phone, seen);
        watched.add(seen);
        phone.navigate(detail);
        assertThat(phone.evaluate("document.documentElement.scrollWidth")).isEqualTo(PHONE_WIDTH);
        return phone;
    }

    double[] pointIn(String prefix) {
        for (double lat = 29.99; lat < 30.12; lat += 0.002) {
            for (double lon = 120.17; lon < 120.33; lon += 0.002) {
                Location at = grid.locate(lon, lat);
                if (at.found() && at.microGrid().code().startsWith(prefix)) {
                    return new double[] {lon, lat};
                }
            }
        }
        throw new IllegalStateException("no point in " + prefix);
    }
}

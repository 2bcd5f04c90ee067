package org.linyunzhi.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Geolocation;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.Location;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.UserDirectory;
import org.linyunzhi.points.PointsApi;
import org.linyunzhi.testsupport.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The closed loop of a grid task in a real Chromium, as the demo town's people do it: the department
 * officer starts a campaign to three grids; the village cadre (grid head) forwards one task to a
 * micro-grid member; the member, on a phone, accepts, checks in inside the micro-grid, adds a photo and
 * submits with the network cut (the page keeps it and sends it when the network returns, once); the
 * cadre returns it with a reason, the member sees why, does it again, and the cadre approves. The
 * task's timeline shows every step.
 */
class TaskLoopBrowserTest extends BrowserTest {

    static final String PASSWORD = "Linpu@2026";

    @Autowired
    GridApi grid;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PointsApi points;

    @Autowired
    JsonMapper json;

    @Test
    void aCampaignTaskGoesFromTheOfficerDownToAMemberAndBackToApproval() throws Exception {
        UserDirectory.Person member = users.byUsername("micromember").orElseThrow();
        String microGrid = member.regionCode();
        String gridCode = microGrid.substring(0, RegionLevel.GRID.codeLength());
        String village = microGrid.substring(0, RegionLevel.VILLAGE.codeLength());
        List<String> threeGrids = new ArrayList<>(List.of(gridCode));
        grid.descendants(village, RegionLevel.GRID).stream().map(RegionNode::code).filter(c -> !c.equals(gridCode))
                .limit(2).forEach(threeGrids::add);
        UUID memberStaff = grid.staffLinkedTo(member.id()).get(0);
        long pointsBefore = points.balance(memberStaff);
        String campaign = "Browser loop " + UUID.randomUUID().toString().substring(0, 8);

        // 1. the department officer starts a campaign to three grids of the village
        Page desk = logIn(desktop(), "officer", PASSWORD);
        desk.navigate(url("/task/campaigns/new"));
        desk.fill("#name", campaign);
        desk.fill("#description", "Check the river outlets of your grid and photograph them");
        desk.fill("#deadline", LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(3)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        desk.selectOption("#scopeCode", village);
        desk.waitForSelector("#node-choices input[value='" + gridCode + "']");
        desk.uncheck("#wholeSubtree");
        for (String code : threeGrids) {
            desk.check("#node-choices input[value='" + code + "']");
        }
        desk.click("#start-campaign");
        desk.waitForURL("**/task/campaigns/*");
        assertThat(desk.textContent("#campaign-total").strip()).isEqualTo("3");
        screenshot(desk, "task-campaign-started");
        UUID taskId = jdbc.sql("""
                        SELECT t.id FROM task t JOIN task_campaign c ON c.id = t.campaign_id
                         WHERE c.name = :name AND t.region_code = :grid""")
                .param("name", campaign).param("grid", gridCode).query(UUID.class).single();
        String taskUrl = url("/task/tasks/" + taskId);

        // 2. the grid head forwards it to the micro-grid and its member
        desk = logIn(desktop(), "cadre", PASSWORD);
        desk.navigate(taskUrl);
        desk.selectOption("#forward-node", microGrid);
        desk.waitForSelector("#forward-staff option[value='" + memberStaff + "']",
                new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
        desk.selectOption("#forward-staff", memberStaff.toString());
        desk.click("#forward-button");
        desk.waitForSelector("#task-done");
        assertThat(desk.textContent("#task-state")).contains("已派发");
        assertThat(desk.textContent("#task-assignee")).isEqualTo(jdbc.sql("SELECT assignee_name FROM task WHERE id = :id")
                .param("id", taskId).query(String.class).single());

        // 3. the member, on the phone: my tasks, accept, check in inside the micro-grid
        Page phone = memberOnPhone();
        double[] inside = pointInside(phone, microGrid);
        phone.context().setGeolocation(new Geolocation(inside[1], inside[0]));
        phone.navigate(url("/task/my"));
        fitsThePhone(phone);
        screenshot(phone, "task-my-tasks-phone");
        phone.click("text=" + campaign);
        phone.waitForURL(taskUrl);
        fitsThePhone(phone);
        phone.click("#accept-button");
        phone.waitForSelector("#task-done");
        assertThat(phone.textContent("#task-state")).contains("已签收");
        phone.click("#check-in-button");
        phone.waitForSelector("#check-in-facts");
        assertThat(phone.textContent("#check-in-facts")).contains("在任务网格内");

        // ... adds a photo and submits while the network is down: the page keeps it and says so
        Path photo = Files.createTempFile("outlet", ".jpg");
        Files.write(photo, TestPhotos.jpegWithGps(inside[0], inside[1]));
        phone.setInputFiles("#photos", photo);
        phone.fill("#result", "Outlet clear, no sewage");
        BrowserContext network = phone.context();
        network.setOffline(true);
        phone.click("#submit-button");
        phone.waitForSelector("#outbox-status[data-kind='warn']:has-text('网络已断开')");
        screenshot(phone, "task-submission-waiting-offline");
        assertThat(submissions(taskId)).isZero();
        network.setOffline(false);
        phone.waitForSelector("#task-state:has-text('待审核')", new Page.WaitForSelectorOptions().setTimeout(30_000));
        assertThat(submissions(taskId)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT exif_lat FROM task_attachment WHERE task_id = :id").param("id", taskId)
                .query(Double.class).single()).isCloseTo(inside[1], org.assertj.core.data.Offset.offset(1e-5));
        fitsThePhone(phone);
        screenshot(phone, "task-submitted-phone");

        // 4. the grid head returns it with a reason
        desk = logIn(desktop(), "cadre", PASSWORD);
        desk.navigate(taskUrl);
        desk.fill("#return-reason-input", "Photograph the outlet from the bank, please");
        desk.click("#return-button");
        desk.waitForSelector("#task-state:has-text('已退回')");

        // 5. the member sees why, checks in again and submits, online this time
        phone = memberOnPhone();
        phone.context().setGeolocation(new Geolocation(inside[1], inside[0]));
        phone.navigate(taskUrl);
        assertThat(phone.textContent("#return-reason")).contains("Photograph the outlet from the bank, please");
        phone.click("#check-in-button");
        phone.waitForSelector("#check-in-facts");
        phone.setInputFiles("#photos", photo);
        phone.fill("#result", "Photographed from the bank");
        phone.click("#submit-button");
        phone.waitForSelector("#task-state:has-text('待审核')", new Page.WaitForSelectorOptions().setTimeout(30_000));
        assertThat(submissions(taskId)).isEqualTo(2);

        // 6. the grid head approves; the timeline shows every step
        desk = logIn(desktop(), "cadre", PASSWORD);
        desk.navigate(taskUrl);
        desk.click("#approve-button");
        desk.waitForSelector("#task-state:has-text('已办结')");
        List<String> steps = new ArrayList<>();
        for (var item : desk.querySelectorAll("#timeline li")) {
            steps.add(item.getAttribute("data-action"));
        }
        assertThat(steps).containsExactly("CREATE", "DISPATCH", "FORWARD", "ACCEPT", "CHECK_IN", "SUBMIT", "RETURN",
                "CHECK_IN", "SUBMIT", "APPROVE");
        assertThat(desk.textContent("#timeline")).contains("Photograph the outlet from the bank, please")
                .contains("Outlet clear, no sewage");
        screenshot(desk, "task-approved-timeline");

        // the officer's board draws its chart (the script runs under the page's content security policy)
        desk = logIn(desktop(), "officer", PASSWORD);
        desk.navigate(url("/task/supervision"));
        desk.waitForSelector("#supervision-chart canvas");
        assertThat(desk.querySelectorAll("#supervision-table tbody tr")).hasSizeGreaterThan(1);
        screenshot(desk, "task-supervision-board");

        // the member's points rose by the approval rule's amount for the task's type and priority,
        // plus the early-completion bonus (submitted days before the deadline); the ledger is fed
        // after commit by the points module's listener, so wait for it
        var kind = jdbc.sql("SELECT type, priority FROM task WHERE id = :id").param("id", taskId)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        int approval = points.approvalPoints(TaskType.valueOf(kind[0]), TaskPriority.valueOf(kind[1]));
        long deadline = System.currentTimeMillis() + 20_000;
        while (points.balance(memberStaff) == pointsBefore && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(500); // the bonus is written by the same listener call, in the same transaction
        var earned = jdbc.sql("SELECT rule_code, points FROM points_entry WHERE source_id = :id AND staff_id = :staff")
                .param("id", taskId).param("staff", memberStaff)
                .query((rs, i) -> java.util.Map.entry(rs.getString(1), rs.getInt(2))).list();
        assertThat(earned).anySatisfy(e -> {
            assertThat(e.getKey()).startsWith("APPROVAL:");
            assertThat(e.getValue()).isEqualTo(approval);
        });
        assertThat(earned).anySatisfy(e -> assertThat(e.getKey()).isEqualTo("EARLY_BONUS"));
        assertThat(points.balance(memberStaff) - pointsBefore)
                .isEqualTo(earned.stream().mapToLong(java.util.Map.Entry::getValue).sum())
                .isGreaterThan(approval);
    }

    /** A fresh phone-sized browser, signed in as the micro-grid member, allowed to share its position. */
    private Page memberOnPhone() {
        Page phone = phone();
        phone.context().grantPermissions(List.of("geolocation"));
        return logIn(phone, "micromember", PASSWORD);
    }

    private void fitsThePhone(Page page) {
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(PHONE_WIDTH);
    }

    private long submissions(UUID taskId) {
        return jdbc.sql("SELECT count(*) FROM task_submission WHERE task_id = :id").param("id", taskId)
                .query(Long.class).single();
    }

    /** A point the router places in the micro-grid, searched on a lattice over the node's bounding box. */
    private double[] pointInside(Page page, String code) {
        JsonNode node = json.readTree(page.request().get(url("/api/grid/nodes/" + code)).text());
        JsonNode bbox = node.get("bbox");
        double minLon = bbox.get(0).asDouble();
        double minLat = bbox.get(1).asDouble();
        double maxLon = bbox.get(2).asDouble();
        double maxLat = bbox.get(3).asDouble();
        for (int i = 1; i < 20; i++) {
            for (int j = 1; j < 20; j++) {
                double lon = minLon + (maxLon - minLon) * i / 20;
                double lat = minLat + (maxLat - minLat) * j / 20;
                Location at = grid.locate(lon, lat);
                if (at.found() && at.microGrid().code().equals(code)) {
                    return new double[] {lon, lat};
                }
            }
        }
        throw new IllegalStateException("no point inside " + code);
    }
}

package org.linyunzhi.points.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.points.PointsApi;
import org.linyunzhi.task.TaskEvents.TaskApproved;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.linyunzhi.testsupport.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The grid worker's points on a phone in a real Chromium: "my points" shows what an approved task
 * earned, and the leaderboard of their grid draws its ECharts bar chart, both within 390 px and
 * without Content-Security-Policy violations.
 */
class PointsBrowserTest extends BrowserTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    PointsApi points;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void myPointsAndMyGridsLeaderboardOnAPhone() {
        Page page = phone();
        List<String> problems = watchProblems(page);
        logIn(page, "gridworker", "Linpu@2026");
        // from here on (the home page after login is another module's), every resource must load
        watchFailedLoads(page, problems);
        UUID me = UUID.fromString((String) page.evaluate(
                "async () => (await (await fetch('/api/identity/me')).json()).id"));
        String grid = (String) page.evaluate("async () => (await (await fetch('/api/identity/me')).json()).regionCode");
        long before = points.balanceOfUser(me);

        tx.executeWithoutResult(s -> events.publishEvent(new TaskApproved(UUID.randomUUID(), "RW-PTS-1",
                "Clear the drain", TaskType.RECTIFICATION, TaskPriority.URGENT, grid + "0001", UUID.randomUUID(), me,
                null, Instant.now(), Instant.now(), Set.of(me))));
        await().atMost(TaskPointsTest.WAIT).until(() -> points.balanceOfUser(me) == before + 10);

        page.navigate(url("/points/me"));
        assertThat(page.textContent("#balance").strip()).isEqualTo(String.valueOf(before + 10));
        assertThat(page.textContent("#entries")).contains("RW-PTS-1").contains("任务审核通过（整改·紧急）");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(page, "points-mine-phone");

        page.navigate(url("/points/leaderboard"));
        page.waitForSelector("#points-chart canvas");
        // the micro-grid's total is everything earned there, this award included (other tests may
        // have earned points in the same micro-grid before)
        long microGridTotal = jdbc.sql("SELECT coalesce(sum(points), 0) FROM points_entry WHERE region_code LIKE :p")
                .param("p", grid + "0001%").query(Long.class).single();
        assertThat(microGridTotal).isGreaterThanOrEqualTo(10);
        assertThat(page.textContent("#area-totals")).contains(String.valueOf(microGridTotal));
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(page, "points-leaderboard-phone");
        assertThat(problems).isEmpty();
    }
}

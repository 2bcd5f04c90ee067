package org.linyunzhi.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.task.TaskEvents.TaskDispatched;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.linyunzhi.testsupport.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox on a phone in a real Chromium: a task dispatched to the signed-in grid worker while
 * the page is open shows a toast, raises the unread count and appears in the list without a
 * reload; marking it read updates the list in place. No sideways scrolling at 390 px, no
 * Content-Security-Policy violation.
 */
class InboxBrowserTest extends BrowserTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Inbox inbox;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    LiveInbox live;

    @Test
    void aNewTaskArrivesLiveOnThePhone() {
        Page page = phone();
        List<String> problems = watchProblems(page);
        logIn(page, "gridworker", "Linpu@2026");
        // from here on (the home page after login is another module's), every resource must load
        watchFailedLoads(page, problems);
        UUID me = UUID.fromString((String) page.evaluate(
                "async () => (await (await fetch('/api/identity/me')).json()).id"));
        int before = live.connections();

        page.navigate(url("/notification/inbox"));
        await().atMost(Duration.ofSeconds(10)).until(() -> live.connections() > before);

        String number = "RW-PHONE-" + UUID.randomUUID().toString().substring(0, 6);
        tx.executeWithoutResult(s -> events.publishEvent(new TaskDispatched(UUID.randomUUID(), number,
                "Check the river bank", TaskType.PATROL, TaskPriority.NORMAL, "330109107001001", UUID.randomUUID(), me,
                Instant.now().plusSeconds(86_400), Set.of(me), Instant.now())));

        page.waitForSelector("#toast.show");
        assertThat(page.textContent("#toast")).contains(number).contains("新任务");
        page.waitForSelector("#inbox-list :text('" + number + "')");
        assertThat(page.textContent("h1 [data-inbox-count]").strip()).isNotEqualTo("0");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(page, "notification-inbox-phone");

        // the badge caps at "99+" and the demo user's inbox also holds other tests' news: count exactly
        long unreadBefore = inbox.unreadCount(me);
        page.locator("article:has-text('" + number + "') button.secondary").click();
        page.waitForSelector("article:has-text('" + number + "') >> button.secondary", new Page.WaitForSelectorOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        // the count follows once htmx has settled the new list
        String expected = unreadBefore - 1 > 99 ? "99+" : String.valueOf(unreadBefore - 1);
        page.waitForFunction("n => document.querySelector('h1 [data-inbox-count]').textContent.trim() === n", expected);
        assertThat(page.textContent("h1 [data-inbox-count]").strip()).isEqualTo(expected);
        assertThat(problems).isEmpty();
    }
}

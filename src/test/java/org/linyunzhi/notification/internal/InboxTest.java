package org.linyunzhi.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.task.TaskEvents.TaskDeadlineNear;
import org.linyunzhi.task.TaskEvents.TaskDispatched;
import org.linyunzhi.task.TaskEvents.TaskEscalated;
import org.linyunzhi.task.TaskEvents.TaskReturned;
import org.linyunzhi.task.TaskEvents.TaskUrged;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Task events fill the inboxes of the people they name, once per event; each person sees and
 * marks only their own notifications.
 */
@IntegrationTest
@AutoConfigureMockMvc
class InboxTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Inbox inbox;

    @Autowired
    InboxBadge badge;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    final CurrentUser worker = AsUser.user("inbox-worker-" + UUID.randomUUID(), DataScope.region("330109107001001"));
    final CurrentUser head = AsUser.user("inbox-head-" + UUID.randomUUID(), DataScope.region("330109107001"));

    void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    TaskDispatched dispatched(UUID task, Set<UUID> recipients) {
        return new TaskDispatched(task, "RW20261204-0042", "Clear the drain on Linpu Road", TaskType.PATROL,
                TaskPriority.HIGH, "330109107001001", UUID.randomUUID(), worker.id(), Instant.now().plusSeconds(86_400),
                recipients, Instant.parse("2026-12-04T02:00:00Z"));
    }

    @Test
    void aDispatchedTaskReachesEveryRecipientOnceAndOnlyThem() throws Exception {
        UUID task = UUID.randomUUID();
        TaskDispatched event = dispatched(task, Set.of(worker.id(), head.id()));

        publish(event);
        await().atMost(WAIT).until(() -> inbox.unreadCount(worker.id()) == 1 && inbox.unreadCount(head.id()) == 1);
        publish(event); // delivered again, as the outbox does after a restart: nobody gets it twice
        await().atMost(WAIT).until(() -> jdbc.sql("""
                        SELECT count(*) FROM event_publication WHERE listener_id LIKE '%TaskNotifications%'
                           AND serialized_event LIKE :task AND completion_date IS NOT NULL""")
                .param("task", "%" + task + "%").query(Long.class).single() == 2);
        assertThat(inbox.unreadCount(head.id())).isEqualTo(1);
        assertThat(inbox.list(worker.id(), false, null, 10)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(NotificationKind.TASK_DISPATCHED);
            assertThat(e.subjectNumber()).isEqualTo("RW20261204-0042");
            assertThat(e.link()).isEqualTo("/task/tasks/" + task);
        });

        mvc.perform(get("/api/notification/inbox").with(as(worker)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unread").value(1))
                .andExpect(jsonPath("$.items[0].title").value("新任务：RW20261204-0042 Clear the drain on Linpu Road"))
                .andExpect(jsonPath("$.items[0].subjectId").value(task.toString()));
        mvc.perform(get("/api/notification/inbox").param("lang", "en").with(as(worker)))
                .andExpect(jsonPath("$.items[0].title").value("New task: RW20261204-0042 Clear the drain on Linpu Road"));

        // the head cannot touch the worker's notification
        UUID workersRow = inbox.list(worker.id(), false, null, 1).get(0).id();
        mvc.perform(post("/api/notification/inbox/{id}/read", workersRow).with(as(head)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/notification/inbox/{id}/read", workersRow).with(as(worker)).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/notification/inbox/unread-count").with(as(worker)))
                .andExpect(jsonPath("$.unread").value(0));
        assertThat(inbox.unreadCount(head.id())).isEqualTo(1);
    }

    @Test
    void returnsAndUrgesCarryThePersonsWordsAndEachUrgeCounts() throws Exception {
        UUID task = UUID.randomUUID();
        Instant first = Instant.now().minusSeconds(60);
        publish(new TaskReturned(task, "RW20261204-0043", "Check the bridge railings", "330109107001001",
                UUID.randomUUID(), worker.id(), "The photo does not show the east side", Set.of(worker.id()), first));
        publish(new TaskUrged(task, "RW20261204-0043", "Check the bridge railings", "330109107001001", UUID.randomUUID(),
                worker.id(), "Please finish today", head.id(), Set.of(worker.id()), first.plusSeconds(10)));
        publish(new TaskUrged(task, "RW20261204-0043", "Check the bridge railings", "330109107001001", UUID.randomUUID(),
                worker.id(), "Still waiting", head.id(), Set.of(worker.id()), first.plusSeconds(20)));

        await().atMost(WAIT).until(() -> inbox.unreadCount(worker.id()) == 3);
        List<InboxEntry> rows = inbox.list(worker.id(), true, null, 10);
        assertThat(rows).extracting(InboxEntry::kind).containsExactlyInAnyOrder(NotificationKind.TASK_RETURNED,
                NotificationKind.TASK_URGED, NotificationKind.TASK_URGED);
        assertThat(rows).extracting(InboxEntry::detail).contains("The photo does not show the east side", "Still waiting");

        // the phone page lists them as cards, and the htmx refresh gets the list alone
        String page = mvc.perform(get("/notification/inbox").with(as(worker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("任务被退回：RW20261204-0043", "任务督办：RW20261204-0043", "The photo does not show the east side",
                "data-stream=\"/notification/stream\"", "/js/notification-live.js", "全部标为已读");
        String fragment = mvc.perform(get("/notification/inbox").param("unread", "true").with(as(worker))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("id=\"inbox-list\"").doesNotContain("<html");

        // opening one marks it read and goes to the task
        UUID returned = rows.stream().filter(e -> e.kind() == NotificationKind.TASK_RETURNED).findFirst().orElseThrow().id();
        mvc.perform(post("/notification/inbox/{id}/open", returned).with(as(worker)).with(csrf()))
                .andExpect(redirectedUrl("/task/tasks/" + task));
        assertThat(inbox.unreadCount(worker.id())).isEqualTo(2);
        mvc.perform(post("/notification/inbox/{id}/open", returned).with(as(head)).with(csrf()))
                .andExpect(status().isNotFound());

        // the badge the page shell shows counts the signed-in user's unread notifications
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(worker, null, List.of()));
        try {
            assertThat(badge.unreadCount()).isEqualTo(2);
        } finally {
            SecurityContextHolder.clearContext();
        }

        mvc.perform(post("/notification/inbox/read-all").with(as(worker)).with(csrf()))
                .andExpect(redirectedUrl("/notification/inbox"));
        assertThat(inbox.unreadCount(worker.id())).isZero();
    }

    @Test
    void supervisionNoticesReachTheWorkerAndTheHeadAndTheBadgeCountsThem() throws Exception {
        UUID task = UUID.randomUUID();
        Instant deadline = Instant.now().plusSeconds(3600);
        publish(new TaskDeadlineNear(task, "RW20261204-0044", "Inspect the gas station", "330109107001001",
                UUID.randomUUID(), worker.id(), deadline, Set.of(worker.id()), Instant.now()));
        publish(new TaskEscalated(task, "RW20261204-0044", "Inspect the gas station", "330109107001", deadline,
                Set.of(head.id()), Instant.now()));

        await().atMost(WAIT).until(() -> inbox.unreadCount(worker.id()) == 1 && inbox.unreadCount(head.id()) == 1);
        assertThat(inbox.list(worker.id(), false, null, 5)).extracting(InboxEntry::kind)
                .containsExactly(NotificationKind.TASK_DEADLINE_NEAR);
        assertThat(inbox.list(head.id(), false, null, 5)).extracting(InboxEntry::kind)
                .containsExactly(NotificationKind.TASK_ESCALATED);

        // the home dashboard shows the head what waits for them
        String home = mvc.perform(get("/").with(as(head))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("data-testid=\"inbox-home\"", "逾期任务已上报：RW20261204-0044 Inspect the gas station");

        // the badge fragment the page shell includes: the count, the stream to follow, the script
        String badgeHtml = mvc.perform(get("/test/notification/badge").with(as(head)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(badgeHtml).contains("data-inbox-count", "data-stream=\"/notification/stream\"", ">1</span>",
                "/js/notification-live.js", "href=\"/notification/inbox\"").doesNotContain("<html");
    }

    @Test
    void badPagingIsRefused() throws Exception {
        mvc.perform(get("/api/notification/inbox").param("limit", "0").with(as(worker))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/notification/inbox").param("before", "yesterday").with(as(worker)))
                .andExpect(status().isBadRequest());
    }
}

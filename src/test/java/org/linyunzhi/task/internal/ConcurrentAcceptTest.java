package org.linyunzhi.task.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two people of a village sign for the same unassigned task at the same moment: exactly one wins,
 * the other is told who was faster (409), and the task holds one acceptance.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ConcurrentAcceptTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    GridApi grid;

    @Autowired
    TaskLifecycle lifecycle;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoAcceptingAtOnceOneWinsTheOtherLearnsWho() throws Exception {
        RegionNode village = TaskFixtures.village(grid, 4);
        CurrentUser officer = TaskFixtures.officer("officer", UUID.randomUUID());
        for (int round = 0; round < 5; round++) {
            Task task = lifecycle.create(officer, new NewTask("Race " + round, null, TaskType.VERIFICATION,
                    TaskSource.DEPARTMENT, null, TaskPriority.NORMAL, TaskFixtures.inDays(1), village.code(), null, null,
                    null, true));
            CurrentUser li = TaskFixtures.worker("Li", village.code());
            CurrentUser wang = TaskFixtures.worker("Wang", village.code());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
            for (CurrentUser who : List.of(li, wang)) {
                Callable<MockHttpServletResponse> accept = () -> {
                    start.await();
                    return mvc.perform(post("/api/task/tasks/{id}/accept", task.id()).with(as(who)).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0}")).andReturn().getResponse();
                };
                answers.add(pool.submit(accept));
            }
            start.countDown();
            MockHttpServletResponse first = answers.get(0).get();
            MockHttpServletResponse second = answers.get(1).get();
            pool.shutdown();

            List<Integer> statuses = List.of(first.getStatus(), second.getStatus());
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            CurrentUser winner = first.getStatus() == 200 ? li : wang;
            MockHttpServletResponse lost = first.getStatus() == 409 ? first : second;
            assertThat(lost.getContentAsString()).contains(winner.displayName()).contains("签收");
            assertThat(jdbc.sql("SELECT assignee_user_id FROM task WHERE id = :id").param("id", task.id())
                    .query(UUID.class).single()).isEqualTo(winner.id());
            assertThat(jdbc.sql("SELECT count(*) FROM task_timeline WHERE task_id = :id AND action = 'ACCEPT'")
                    .param("id", task.id()).query(Long.class).single()).isEqualTo(1);
        }
    }
}

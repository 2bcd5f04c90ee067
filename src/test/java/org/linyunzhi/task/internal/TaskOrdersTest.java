package org.linyunzhi.task.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.identity.UserDirectory;
import org.linyunzhi.task.IssuedTask;
import org.linyunzhi.task.TaskApi;
import org.linyunzhi.task.TaskEvents;
import org.linyunzhi.task.TaskOrder;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A task another module orders through {@link TaskApi} is a task like any other: dispatched to the
 * micro-grid's head, in that person's "my tasks", with its number, creation and dispatch on the
 * timeline, the dispatch event published and the issuer named; bad orders are refused.
 */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class TaskOrdersTest {

    @Autowired
    TaskApi tasks;

    @Autowired
    UserDirectory users;

    @Autowired
    GridApi grid;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationEvents events;

    @Test
    void anIssuedTaskReachesTheMicroGridHeadsMyTasksWithItsTimeline() throws Exception {
        UserDirectory.Person head = users.byUsername("microhead").orElseThrow();
        UserDirectory.Person officer = users.byUsername("officer").orElseThrow();
        UUID headStaff = grid.staffLinkedTo(head.id()).get(0);
        Instant deadline = Instant.now().plus(10, ChronoUnit.DAYS);
        String ref = "PC-T" + System.nanoTime();

        IssuedTask issued = tasks.issue(new TaskOrder("Flood check of the river houses", "12 points", TaskType.PATROL,
                "CAMPAIGN", ref, TaskPriority.HIGH, deadline, head.regionCode(), null, null, null, officer.id()));

        assertThat(issued.number()).matches("RW\\d{8}-\\d{4}");
        assertThat(issued.assigneeStaffId()).isEqualTo(headStaff);
        assertThat(issued.assigneeUserId()).isEqualTo(head.id());
        var row = jdbc.sql("SELECT state, source, source_ref, issuer_name, region_code FROM task WHERE id = :id")
                .param("id", issued.id()).query().singleRow();
        assertThat(row.get("state")).isEqualTo("DISPATCHED");
        assertThat(row.get("source")).isEqualTo("CAMPAIGN");
        assertThat(row.get("source_ref")).isEqualTo(ref);
        assertThat(row.get("issuer_name")).isEqualTo(officer.displayName());
        assertThat(jdbc.sql("SELECT action FROM task_timeline WHERE task_id = :id ORDER BY at")
                .param("id", issued.id()).query(String.class).list()).containsExactlyInAnyOrder("CREATE", "DISPATCH");
        assertThat(events.stream(TaskEvents.TaskDispatched.class).filter(e -> e.taskId().equals(issued.id())))
                .singleElement().satisfies(e -> assertThat(e.recipientUserIds()).contains(head.id()));

        CurrentUser asHead = new CurrentUser(head.id(), head.username(), head.displayName(), Set.of("MICRO_GRID_HEAD"),
                Set.of("task:view", "task:do"), DataScope.region(head.regionCode()));
        String body = mvc.perform(get("/api/task/my").param("size", "200").with(as(asHead)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> numbers = json.readTree(body).get("rows").valueStream().map(n -> n.get("number").asString()).toList();
        assertThat(numbers).contains(issued.number());
        JsonNode detail = json.readTree(mvc.perform(get("/api/task/tasks/{id}", issued.id()).with(as(asHead)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(detail.get("sourceRef").asString()).isEqualTo(ref);
    }

    @Test
    void badOrdersAreRefusedNamingTheField() {
        UserDirectory.Person head = users.byUsername("microhead").orElseThrow();
        Instant deadline = Instant.now().plus(1, ChronoUnit.DAYS);
        assertThatThrownBy(() -> tasks.issue(new TaskOrder("x", null, TaskType.PATROL, "CAMPAIGN", null, null, deadline,
                "9999999999", null, null, null, null))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regionCode");
        assertThatThrownBy(() -> tasks.issue(new TaskOrder("x", null, TaskType.PATROL, "DEPARTMENT", null, null, deadline,
                head.regionCode(), null, null, null, null))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sourceKind");
        assertThatThrownBy(() -> tasks.issue(new TaskOrder("x", null, TaskType.PATROL, "HAZARD", null, null,
                Instant.now().minusSeconds(60), head.regionCode(), null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline");
        assertThatThrownBy(() -> tasks.issue(new TaskOrder("x", null, TaskType.PATROL, "HAZARD", null, null, deadline,
                head.regionCode(), UUID.randomUUID(), null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("staffId");
    }
}

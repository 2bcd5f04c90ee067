package org.linyunzhi.task.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.task.TaskEvents;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The task API end to end on the real database: the whole loop with a return, the refusals of the
 * transition table, permissions and data scope (another village's task is "not found" for reading
 * and for changing), and bad input answered as problem details naming the field.
 */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class TaskApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    GridApi grid;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationEvents events;

    @Test
    void aTaskGoesRoundTheLoopWithOneReturnAndEveryStepIsOnItsTimeline() throws Exception {
        RegionNode village = TaskFixtures.village(grid, 0);
        CurrentUser officer = TaskFixtures.officer("officer", UUID.randomUUID());
        CurrentUser worker = TaskFixtures.worker("worker", village.code());
        JsonNode task = create(officer, TaskFixtures.newTaskJson("Check the river bank", village.code(), TaskFixtures.inDays(2)));
        String id = task.get("id").asText();
        assertThat(task.get("number").asText()).matches("RW\\d{8}-\\d{4}");
        assertThat(task.get("state").asText()).isEqualTo("DISPATCHED");
        assertThat(task.get("assigneeName").isNull()).isTrue(); // a village has no roster: whoever signs takes it

        action(worker, id, "accept", "{\"version\":0}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ACCEPTED")).andExpect(jsonPath("$.assigneeUserId").value(worker.id().toString()));
        double[] inside = TaskFixtures.pointIn(grid, village.code());
        action(worker, id, "check-in", "{\"lon\":%s,\"lat\":%s}".formatted(inside[0], inside[1]))
                .andExpect(status().isOk()).andExpect(jsonPath("$.checkInOutside").value(false))
                .andExpect(jsonPath("$.state").value("IN_PROGRESS"));
        submit(worker, id, UUID.randomUUID(), "Bank is clean").andExpect(status().isCreated());

        action(officer, id, "return", "{\"reason\":\"The photo is missing\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RETURNED"));
        mvc.perform(get("/api/task/tasks/{id}", id).with(as(worker)))
                .andExpect(jsonPath("$.returnReason").value("The photo is missing"));

        double[] outside = TaskFixtures.pointOutside(grid, village.code());
        action(worker, id, "check-in", "{\"lon\":%s,\"lat\":%s}".formatted(outside[0], outside[1]))
                .andExpect(status().isOk()).andExpect(jsonPath("$.checkInOutside").value(true));
        submit(worker, id, UUID.randomUUID(), "Photo added").andExpect(status().isCreated());
        action(officer, id, "approve", "{}").andExpect(status().isOk()).andExpect(jsonPath("$.state").value("APPROVED"));

        JsonNode shown = read(mvc.perform(get("/api/task/tasks/{id}", id).with(as(officer))).andExpect(status().isOk()));
        List<String> steps = new ArrayList<>();
        shown.get("timeline").forEach(e -> steps.add(e.get("action").asText() + (e.get("flag").isNull() ? "" : ":" + e.get("flag").asText())));
        assertThat(steps).containsExactly("CREATE", "DISPATCH", "ACCEPT", "CHECK_IN", "SUBMIT", "RETURN",
                "CHECK_IN:OUTSIDE_NODE", "SUBMIT", "APPROVE");
        assertThat(shown.get("timeline").get(5).get("comment").asText()).isEqualTo("The photo is missing");

        UUID taskId = UUID.fromString(id);
        assertThat(events.stream(TaskEvents.TaskDispatched.class).filter(e -> e.taskId().equals(taskId))).hasSize(1);
        assertThat(events.stream(TaskEvents.TaskReturned.class).filter(e -> e.taskId().equals(taskId)))
                .singleElement().satisfies(e -> assertThat(e.recipientUserIds()).containsExactly(worker.id()));
        assertThat(events.stream(TaskEvents.TaskApproved.class).filter(e -> e.taskId().equals(taskId)))
                .singleElement().satisfies(e -> {
                    assertThat(e.assigneeUserId()).isEqualTo(worker.id());
                    assertThat(e.submittedAt()).isBeforeOrEqualTo(e.approvedAt());
                });
    }

    @Test
    void movesTheTableDoesNotAllowAreConflictsAndMissingPermissionsForbidden() throws Exception {
        RegionNode village = TaskFixtures.village(grid, 0);
        CurrentUser officer = TaskFixtures.officer("officer", UUID.randomUUID());
        CurrentUser worker = TaskFixtures.worker("worker", village.code());
        String id = create(officer, TaskFixtures.newTaskJson("Refusals", village.code(), TaskFixtures.inDays(1))).get("id").asText();

        action(officer, id, "approve", "{}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("已派发")));
        action(worker, id, "approve", "{}").andExpect(status().isForbidden());
        action(worker, id, "submit-nothing", "{}").andExpect(status().isNotFound());
        action(worker, id, "accept", "{}").andExpect(status().isOk());
        action(officer, id, "accept", "{}").andExpect(status().isForbidden()); // lacks task:do
        action(officer, id, "return", "{\"reason\":\" \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reason"));
        // a stale version is refused, naming who moved the task
        action(worker, id, "check-in", "{\"version\":0}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(worker.displayName())));
    }

    @Test
    void aWorkerCannotReadOrChangeATaskOutsideTheirSubtree() throws Exception {
        RegionNode village = TaskFixtures.village(grid, 0);
        RegionNode other = TaskFixtures.village(grid, 1);
        CurrentUser officer = TaskFixtures.officer("officer", UUID.randomUUID());
        CurrentUser outsider = TaskFixtures.worker("outsider", other.code());
        String id = create(officer, TaskFixtures.newTaskJson("Not yours", village.code(), TaskFixtures.inDays(1))).get("id").asText();

        mvc.perform(get("/api/task/tasks/{id}", id).with(as(outsider))).andExpect(status().isNotFound());
        action(outsider, id, "accept", "{}").andExpect(status().isNotFound());
        mvc.perform(get("/task/tasks/{id}", id).with(as(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/api/task/tasks").param("q", "Not yours").with(as(outsider)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        // nor can an officer of another department
        CurrentUser otherOffice = TaskFixtures.officer("other-office", UUID.randomUUID());
        mvc.perform(get("/api/task/tasks/{id}", id).with(as(otherOffice))).andExpect(status().isNotFound());
        // the owner's officer still sees it, unchanged
        mvc.perform(get("/api/task/tasks/{id}", id).with(as(officer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("DISPATCHED"));
    }

    @Test
    void badInputIsAProblemNamingTheField() throws Exception {
        RegionNode village = TaskFixtures.village(grid, 0);
        CurrentUser officer = TaskFixtures.officer("officer", UUID.randomUUID());
        createExpecting(officer, TaskFixtures.newTaskJson("x", "999999999", TaskFixtures.inDays(1)), "regionCode");
        createExpecting(officer, TaskFixtures.newTaskJson("x", village.code(), TaskFixtures.inDays(-1)), "deadline");
        createExpecting(officer, TaskFixtures.newTaskJson(" ", village.code(), TaskFixtures.inDays(1)), "name");
        createExpecting(officer, """
                {"name":"x","type":"PATROL","regionCode":"%s","lon":120.2}""".formatted(village.code()), "lat");
        CurrentUser worker = TaskFixtures.worker("w", village.code());
        createExpecting(AsUserWithCreate.of(worker), TaskFixtures.newTaskJson("x", TaskFixtures.village(grid, 1).code(),
                TaskFixtures.inDays(1)), "regionCode");
        mvc.perform(post("/api/task/tasks").with(as(officer)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"type\":\"NOT_A_TYPE\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theListSortsByWhitelistedColumnsOnlyAndFilters() throws Exception {
        RegionNode village = TaskFixtures.village(grid, 2);
        CurrentUser officer = TaskFixtures.officer("officer", UUID.randomUUID());
        for (String name : List.of("Bravo", "Alpha", "Charlie")) {
            create(officer, TaskFixtures.newTaskJson(name, village.code(), TaskFixtures.inDays(3)));
        }
        JsonNode page = read(mvc.perform(get("/api/task/tasks").param("sort", "name,asc").with(as(officer)))
                .andExpect(status().isOk()));
        List<String> names = new ArrayList<>();
        page.get("rows").forEach(r -> names.add(r.get("name").asText()));
        assertThat(names).containsExactly("Alpha", "Bravo", "Charlie");
        mvc.perform(get("/api/task/tasks").param("sort", "number,desc").param("q", "Alpha").with(as(officer)))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/task/tasks").param("sort", "password_hash").with(as(officer)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("sort"));
        mvc.perform(get("/api/task/tasks").param("sort", "name;drop table task").with(as(officer)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/task/tasks").param("sort", "password_hash").with(as(officer)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/task/tasks").param("state", "RETURNED").param("node", village.code()).with(as(officer)))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/task/tasks").param("state", "NOT_A_STATE").with(as(officer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("state")));
        // the API is documented, with its filters as plain query parameters
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/task/tasks/{id}/accept']").exists())
                .andExpect(jsonPath("$.paths['/api/task/tasks'].get.parameters[?(@.name == 'overdue')]").exists());
    }

    private JsonNode create(CurrentUser user, String body) throws Exception {
        return read(mvc.perform(post("/api/task/tasks").with(as(user)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated()));
    }

    private void createExpecting(CurrentUser user, String body, String field) throws Exception {
        mvc.perform(post("/api/task/tasks").with(as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value(field));
    }

    private ResultActions action(CurrentUser user, String id, String action, String body) throws Exception {
        return mvc.perform(post("/api/task/tasks/{id}/" + action, id).with(as(user)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions submit(CurrentUser user, String id, UUID key, String result) throws Exception {
        return mvc.perform(multipart("/api/task/tasks/{id}/submissions", id).param("result", result)
                .header("Idempotency-Key", key.toString()).with(as(user)).with(csrf()));
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** A worker who may also report tasks, to show the node check applies to every issuer. */
    static final class AsUserWithCreate {
        static CurrentUser of(CurrentUser worker) {
            java.util.Set<String> perms = new java.util.HashSet<>(worker.permissions());
            perms.add("task:create");
            return new CurrentUser(worker.id(), worker.username(), worker.displayName(), worker.roles(), perms, worker.scope());
        }
    }
}

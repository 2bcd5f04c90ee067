package org.linyunzhi.hazard.internal.hazards;

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
import org.linyunzhi.hazard.HazardEvents;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.task.TestPhotos;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hazard API end to end on the real database: a grid report goes round the loop with one failed
 * re-inspection and every step is on its timeline; another village's hazard is "not found" for
 * reading and for acting; an event's external id files one hazard however often it is sent; bad
 * input is answered as problem details naming the field.
 */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class HazardApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    GridApi grid;
    @Autowired
    JsonMapper json;
    @Autowired
    ApplicationEvents events;

    @Test
    void aGridReportGoesFromOrderToClosedWithOneFailedReinspection() throws Exception {
        RegionNode village = HazardFixtures.village(grid, 2);
        CurrentUser worker = HazardFixtures.worker(village.code());
        CurrentUser cadre = HazardFixtures.cadre(village.code());
        double[] at = HazardFixtures.pointIn(grid, village.code());

        String found = photo(worker, "FOUND");
        JsonNode hazard = report(worker, """
                {"title":"楼道电动车充电","description":"三楼楼道飞线充电","categoryCode":"PS-06-003",
                 "responsibleParty":"房东王某","lon":%s,"lat":%s,"photoIds":["%s"]}""".formatted(at[0], at[1], found))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString().transform(this::read);
        String id = hazard.get("id").asText();
        assertThat(hazard.get("status").asText()).isEqualTo("FOUND");
        assertThat(hazard.get("level").asInt()).isEqualTo(1);
        assertThat(hazard.get("levelColour").asText()).isEqualTo("#2e7d32");
        assertThat(hazard.get("photos")).hasSize(1);
        assertThat(events.stream(HazardEvents.HazardReported.class).filter(e -> e.hazardId().toString().equals(id)))
                .hasSize(1);

        action(worker, id, "order", "{}").andExpect(status().isForbidden());
        action(cadre, id, "order", "{\"version\":0,\"note\":\"三日内整改\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ORDERED"));
        action(cadre, id, "order", "{\"version\":0}").andExpect(status().isConflict());
        action(worker, id, "start", "{\"version\":1}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECTIFYING"));
        action(worker, id, "evidence", "{\"note\":\"已拆除飞线\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("photos"));
        action(worker, id, "evidence", "{\"note\":\"已拆除飞线\",\"photoIds\":[\"%s\"]}"
                .formatted(photo(worker, "EVIDENCE"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EVIDENCE_SUBMITTED"));
        action(cadre, id, "fail", "{}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
        action(cadre, id, "fail", "{\"note\":\"充电线仍在\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.rejectReason").value("充电线仍在"));
        action(worker, id, "evidence", "{\"note\":\"已全部拆除\",\"photoIds\":[\"%s\"]}"
                .formatted(photo(worker, "EVIDENCE"))).andExpect(status().isOk());
        action(cadre, id, "pass", "{\"note\":\"复核通过\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closedAt").isNotEmpty());

        JsonNode closed = read(mvc.perform(get("/api/hazard/hazards/{id}", id).with(as(worker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> steps = new ArrayList<>();
        closed.get("timeline").forEach(e -> steps.add(e.get("action").asText() + ":" + e.get("to").asText()));
        assertThat(steps).containsExactly("REPORT:FOUND", "ORDER:ORDERED", "START:RECTIFYING",
                "SUBMIT_EVIDENCE:EVIDENCE_SUBMITTED", "FAIL:REJECTED", "SUBMIT_EVIDENCE:EVIDENCE_SUBMITTED",
                "PASS:CLOSED");
        assertThat(closed.get("timeline").get(4).get("comment").asText()).isEqualTo("充电线仍在");
        assertThat(closed.get("timeline").get(1).get("actorName").asText()).isEqualTo(cadre.displayName());
        assertThat(closed.get("photos")).hasSize(3);
        assertThat(closed.get("actions")).isEmpty();
        assertThat(events.stream(HazardEvents.HazardClosed.class).filter(e -> e.hazardId().toString().equals(id)))
                .singleElement().satisfies(e -> assertThat(e.onTime()).isTrue());
        action(cadre, id, "pass", "{}").andExpect(status().isConflict());
    }

    @Test
    void anotherVillagesHazardIsNotFoundForReadingOrActing() throws Exception {
        RegionNode mine = HazardFixtures.village(grid, 3);
        RegionNode other = HazardFixtures.village(grid, 4);
        CurrentUser otherWorker = HazardFixtures.worker(other.code());
        double[] there = HazardFixtures.pointIn(grid, other.code());
        String id = read(report(otherWorker, """
                {"title":"河道护栏缺失","categoryCode":"PS-10-002","lon":%s,"lat":%s}""".formatted(there[0], there[1]))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asText();

        CurrentUser cadre = HazardFixtures.cadre(mine.code());
        mvc.perform(get("/api/hazard/hazards/{id}", id).with(as(cadre))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:linyunzhi:hazard:not-found"));
        action(cadre, id, "order", "{}").andExpect(status().isNotFound());
        mvc.perform(get("/api/hazard/hazards").param("size", "100").with(as(cadre))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '%s')]".formatted(id)).isEmpty());
        // nor may the cadre file a hazard in the other village
        report(cadre, """
                {"title":"x","categoryCode":"PS-10-002","lon":%s,"lat":%s}""".formatted(there[0], there[1]))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("lon"));
    }

    @Test
    void anEventsExternalIdFilesOneHazardHoweverOftenItIsSent() throws Exception {
        CurrentUser operator = AsUser.user("hz-operator-" + UUID.randomUUID(), DataScope.all(), "hazard:view",
                "hazard:intake");
        double[] at = HazardFixtures.pointIn(grid, HazardFixtures.village(grid, 2).code());
        String externalId = "EV-" + UUID.randomUUID();
        String body = """
                {"externalId":"%s","title":"疑似燃气泄漏","categoryCode":"PS-03-007","lon":%s,"lat":%s}"""
                .formatted(externalId, at[0], at[1]);
        String first = read(event(operator, body).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString()).get("id").asText();
        event(operator, body).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(first))
                .andExpect(jsonPath("$.source").value("EVENT")).andExpect(jsonPath("$.sourceRef").value(externalId));
        mvc.perform(get("/api/hazard/hazards").param("q", "疑似燃气泄漏").param("size", "100").with(as(operator)))
                .andExpect(jsonPath("$.items[?(@.sourceRef == '%s')]".formatted(externalId)).value(org.hamcrest.Matchers.hasSize(1)));
        event(operator, body.replace(externalId, "")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("sourceRef"));
    }

    @Test
    void badReportsAreRefusedNamingTheField() throws Exception {
        RegionNode village = HazardFixtures.village(grid, 2);
        CurrentUser worker = HazardFixtures.worker(village.code());
        double[] at = HazardFixtures.pointIn(grid, village.code());
        report(worker, "{\"categoryCode\":\"PS-06-003\",\"lon\":%s,\"lat\":%s}".formatted(at[0], at[1]))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("title"));
        report(worker, "{\"title\":\"t\",\"categoryCode\":\"NOPE\",\"lon\":%s,\"lat\":%s}".formatted(at[0], at[1]))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("categoryCode"));
        report(worker, "{\"title\":\"t\",\"categoryCode\":\"PS-06-003\",\"lat\":%s}".formatted(at[1]))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("lon"));
        report(worker, "{\"title\":\"t\",\"categoryCode\":\"PS-06-003\",\"level\":9,\"lon\":%s,\"lat\":%s}"
                .formatted(at[0], at[1])).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("level"));
        report(worker, "{\"title\":\"t\",\"categoryCode\":\"PS-06-003\",\"lon\":%s,\"lat\":%s,\"photoIds\":[\"%s\"]}"
                .formatted(at[0], at[1], UUID.randomUUID())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("photos"));
        String someoneElses = photo(HazardFixtures.worker(village.code()), "FOUND");
        report(worker, "{\"title\":\"t\",\"categoryCode\":\"PS-06-003\",\"lon\":%s,\"lat\":%s,\"photoIds\":[\"%s\"]}"
                .formatted(at[0], at[1], someoneElses)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("photos"));
        mvc.perform(multipart("/api/hazard/photos").file(new MockMultipartFile("file", "x.jpg", "image/jpeg",
                        "not a photo".getBytes())).with(csrf()).with(as(worker)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("file"));
    }

    String photo(CurrentUser user, String stage) throws Exception {
        return read(mvc.perform(multipart("/api/hazard/photos").file(new MockMultipartFile("file", "p.jpg",
                                "image/jpeg", TestPhotos.jpegWithGps(120.25, 30.05)))
                        .param("stage", stage).with(csrf()).with(as(user)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asText();
    }

    ResultActions report(CurrentUser user, String body) throws Exception {
        return mvc.perform(post("/api/hazard/hazards").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(csrf()).with(as(user)));
    }

    ResultActions event(CurrentUser user, String body) throws Exception {
        return mvc.perform(post("/api/hazard/events").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(csrf()).with(as(user)));
    }

    ResultActions action(CurrentUser user, String id, String action, String body) throws Exception {
        return mvc.perform(post("/api/hazard/hazards/{id}/{action}", id, action).contentType(MediaType.APPLICATION_JSON)
                .content(body).with(csrf()).with(as(user)));
    }

    JsonNode read(String body) {
        return json.readTree(body);
    }
}

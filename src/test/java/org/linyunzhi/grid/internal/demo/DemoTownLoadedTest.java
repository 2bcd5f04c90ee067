package org.linyunzhi.grid.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo town as a user of the platform finds it after start-up: counted through the grid's
 * JSON API, never from the generator's constants.
 */
@IntegrationTest
@AutoConfigureMockMvc
class DemoTownLoadedTest {

    static final CurrentUser LEADER = AsUser.user("demo-count-leader", DataScope.region("330109107"),
            "grid:node:view", "grid:staff:view", "grid:locate");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoTownLoader loader;

    JsonNode getJson(String url) throws Exception {
        String body = mvc.perform(get(url).with(as(LEADER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return JSON.readTree(body);
    }

    /** Walks the tree down from the town and counts nodes by level. */
    Map<String, Integer> countByLevel() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        counts.put("TOWN", getJson("/api/grid/nodes/330109107").path("code").asString().equals("330109107") ? 1 : 0);
        for (JsonNode village : getJson("/api/grid/nodes/330109107/children")) {
            counts.merge(village.get("level").asString(), 1, Integer::sum);
            for (JsonNode grid : getJson("/api/grid/nodes/" + village.get("code").asString() + "/children")) {
                counts.merge(grid.get("level").asString(), 1, Integer::sum);
                for (JsonNode micro : getJson("/api/grid/nodes/" + grid.get("code").asString() + "/children")) {
                    counts.merge(micro.get("level").asString(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    @Test
    void theLoadedTownHasTheSeedsNumbers() throws Exception {
        assertThat(countByLevel()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "TOWN", 1, "VILLAGE", 28, "GRID", 90, "MICRO_GRID", 675, "DEDICATED_MICRO_GRID", 177));
    }

    @Test
    void aboutTwoThousandFiveHundredPeopleStaffTheGrids() throws Exception {
        // a phone number belongs to one person: distinct phones over all rosters count the people
        Set<String> phones = new HashSet<>();
        int seats = 0;
        for (JsonNode village : getJson("/api/grid/nodes/330109107/children")) {
            for (JsonNode grid : getJson("/api/grid/nodes/" + village.get("code").asString() + "/children")) {
                String gridCode = grid.get("code").asString();
                for (JsonNode line : getJson("/api/grid/nodes/" + gridCode + "/roster")) {
                    phones.add(line.get("phone").asString());
                    seats++;
                }
                for (JsonNode micro : getJson("/api/grid/nodes/" + gridCode + "/children")) {
                    for (JsonNode line : getJson("/api/grid/nodes/" + micro.get("code").asString() + "/roster")) {
                        phones.add(line.get("phone").asString());
                        seats++;
                    }
                }
            }
        }
        assertThat(phones.size()).isBetween(2500, 2599);
        assertThat(seats).isGreaterThan(phones.size());
    }

    @Test
    void theStaffingViewShowsTheDeliberateGaps() throws Exception {
        JsonNode report = getJson("/api/grid/staffing?under=330109107");
        int shortMicro = 0;
        int shortGrids = 0;
        for (JsonNode village : report.get("villages")) {
            for (JsonNode node : village.get("shortOnes")) {
                String level = node.get("level").asString();
                for (JsonNode missing : node.get("missing")) {
                    String role = missing.get("role").asString();
                    if (level.equals("GRID") && role.equals("GRID_GUIDE")) shortGrids++;
                    if (level.equals("MICRO_GRID") && role.equals("MICRO_GRID_MEMBER")) shortMicro++;
                }
            }
        }
        assertThat(shortMicro).isEqualTo(DemoStaffing.MICRO_GRIDS_SHORT_OF_A_MEMBER);
        assertThat(shortGrids).isEqualTo(DemoStaffing.GRIDS_WITHOUT_GUIDE);
        assertThat(report.get("shortNodes").asInt()).isEqualTo(8);
    }

    @Test
    void aPointInTheTownCentreFindsItsMicroGridAndPeople() throws Exception {
        JsonNode at = getJson("/api/grid/locate?lon=120.25&lat=30.05");
        assertThat(at.get("found").asBoolean()).isTrue();
        assertThat(at.get("town").get("code").asString()).isEqualTo("330109107");
        assertThat(at.get("microGrid").get("code").asString()).startsWith(at.get("grid").get("code").asString());
        assertThat(at.get("responsible")).isNotEmpty();
    }

    @Test
    void startingAgainChangesNothing() throws Exception {
        long versionBefore = getJson("/api/grid/nodes/330109107").get("version").asLong();
        String rosterBefore = getJson("/api/grid/nodes/330109107201001/roster").toString();
        loader.run(null);
        assertThat(getJson("/api/grid/nodes/330109107").get("version").asLong()).isEqualTo(versionBefore);
        assertThat(getJson("/api/grid/nodes/330109107201001/roster").toString()).isEqualTo(rosterBefore);
        assertThat(countByLevel().get("MICRO_GRID")).isEqualTo(675);
    }
}

package org.linyunzhi.resource.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.Location;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.resource.NearbyResource;
import org.linyunzhi.resource.ResourceApi;
import org.linyunzhi.resource.ResourceKind;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The page forms that file a team, a shelter and a warehouse: what they file is in the lists and
 * is found by {@link ResourceApi#nearest}; bad input (no name, latitude 91, a negative capacity, a
 * point outside the filer's area) shows the form again with the message beside the field and what
 * was typed, and writes nothing; the edit forms start from the record, save through the same checks
 * and refuse a stale version without writing; without resource:edit the forms answer 403.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ResourceFormsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    GridApi grid;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ResourceApi resources;

    @Autowired
    Teams teams;

    @Autowired
    Shelters shelters;

    final CurrentUser keeper = AsUser.user("resource-form-keeper", DataScope.all(), "resource:view", "resource:edit");

    /** A point inside the town, found by asking the grid, seeded so each test has its own. */
    double[] townPoint(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            double lon = 120.25 + (rnd.nextDouble() - 0.5) * 0.16;
            double lat = 30.05 + (rnd.nextDouble() - 0.5) * 0.14;
            Location at = grid.locate(lon, lat);
            if (at.found() && at.village() != null) {
                return new double[] {lon, lat};
            }
        }
        throw new IllegalStateException("no point found in the town");
    }

    int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    MockHttpServletRequestBuilder form(String kind, CurrentUser who) {
        return post("/resource/" + kind + "/new").with(as(who)).with(csrf());
    }

    UUID idFrom(String redirect, String kind) {
        assertThat(redirect).startsWith("/resource/" + kind + "/");
        return UUID.fromString(redirect.substring(("/resource/" + kind + "/").length()));
    }

    /** The nearest of a kind at the point is the record just filed there, at (almost) no distance. */
    void nearestIs(UUID id, ResourceKind kind, double[] at) {
        NearbyResource nearest = resources.nearest(at[0], at[1], kind, 1).get(0);
        assertThat(nearest.place().id()).isEqualTo(id);
        assertThat(nearest.metres()).isLessThan(1);
    }

    @Test
    void aTeamFiledByTheFormIsListedAndNearest() throws Exception {
        double[] at = townPoint(1);
        String name = "表单救援队 " + UUID.randomUUID();
        mvc.perform(get("/resource/teams/new").with(as(keeper))).andExpect(status().isOk())
                .andExpect(content().string(containsString("resource-pick.js")));
        String to = mvc.perform(form("teams", keeper).param("name", name).param("type", "FLOOD")
                        .param("status", "ON_DUTY").param("address", "测试路9号")
                        .param("lon", String.valueOf(at[0])).param("lat", String.valueOf(at[1]))
                        .param("members", "王强 13800000001\n李明,13800000002")
                        .param("equipment", "冲锋舟 艘 2\n救生衣，件，30"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID id = idFrom(to, "teams");
        Teams.Team team = teams.find(id, DataScope.all()).orElseThrow();
        assertThat(team.members()).extracting(Teams.Member::name).containsExactly("王强", "李明");
        assertThat(team.equipment()).extracting(Teams.Equipment::quantity).containsExactlyInAnyOrder(2, 30);
        mvc.perform(get("/resource/teams").with(as(keeper)))
                .andExpect(content().string(containsString(name)));
        nearestIs(id, ResourceKind.RESCUE_TEAM, at);
    }

    @Test
    void aShelterAndAWarehouseFiledByTheFormAreListedAndNearest() throws Exception {
        double[] at = townPoint(2);
        String shelter = "表单避难所 " + UUID.randomUUID();
        String to = mvc.perform(form("shelters", keeper).param("name", shelter).param("level", "VILLAGE")
                        .param("capacityDay", "120").param("capacityNight", "80").param("address", "测试路10号")
                        .param("lon", String.valueOf(at[0])).param("lat", String.valueOf(at[1])))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID shelterId = idFrom(to, "shelters");
        mvc.perform(get("/resource/shelters").with(as(keeper)))
                .andExpect(content().string(containsString(shelter)));
        nearestIs(shelterId, ResourceKind.SHELTER, at);

        String warehouse = "表单仓库 " + UUID.randomUUID();
        to = mvc.perform(form("warehouses", keeper).param("name", warehouse).param("keeper", "赵敏")
                        .param("address", "测试路11号")
                        .param("lon", String.valueOf(at[0])).param("lat", String.valueOf(at[1])))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID warehouseId = idFrom(to, "warehouses");
        mvc.perform(get("/resource/warehouses").with(as(keeper)))
                .andExpect(content().string(containsString(warehouse)));
        nearestIs(warehouseId, ResourceKind.WAREHOUSE, at);
    }

    /** Posts a shelter with one field spoiled (the only value of it) and checks the message sits beside it. */
    String refusedShelter(String field, String value) throws Exception {
        double[] at = townPoint(3);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "坏表单避难所");
        fields.put("level", "TOWN");
        fields.put("capacityDay", "50");
        fields.put("capacityNight", "50");
        fields.put("address", "测试路12号");
        fields.put("lon", String.valueOf(at[0]));
        fields.put("lat", String.valueOf(at[1]));
        fields.put(field, value);
        MockHttpServletRequestBuilder request = form("shelters", keeper);
        fields.forEach(request::param);
        String page = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"" + field + "-error\"");
        return page;
    }

    @Test
    void badInputShowsTheFormAgainBesideTheFieldAndWritesNothing() throws Exception {
        int shelters = count("resource_shelter");
        String page = refusedShelter("name", "");
        assertThat(page).contains("value=\"测试路12号\"");

        page = refusedShelter("lat", "91");
        assertThat(page).contains("value=\"91\"").contains("-90");

        page = refusedShelter("capacityDay", "-5");
        assertThat(page).contains("value=\"-5\"");

        page = refusedShelter("capacityNight", "many");
        assertThat(page).contains("value=\"many\"");
        assertThat(count("resource_shelter")).isEqualTo(shelters);

        // a team whose equipment line lacks its quantity: nothing of it is written
        int teamsBefore = count("resource_team");
        double[] at = townPoint(4);
        String teamPage = mvc.perform(form("teams", keeper).param("name", "坏表单救援队").param("type", "FLOOD")
                        .param("status", "STANDBY").param("address", "测试路13号")
                        .param("lon", String.valueOf(at[0])).param("lat", String.valueOf(at[1]))
                        .param("members", "王强 13800000001").param("equipment", "冲锋舟 艘"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(teamPage).contains("id=\"equipment-error\"").contains("王强 13800000001");
        assertThat(count("resource_team")).isEqualTo(teamsBefore);

        // a warehouse with no name
        int warehouses = count("resource_warehouse");
        mvc.perform(form("warehouses", keeper).param("name", " ").param("address", "测试路14号")
                        .param("lon", String.valueOf(at[0])).param("lat", String.valueOf(at[1])))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"name-error\"")));
        assertThat(count("resource_warehouse")).isEqualTo(warehouses);
    }

    @Test
    void aPointOutsideTheFilersAreaIsRefusedBesideTheLongitude() throws Exception {
        List<RegionNode> villages = grid.descendants(grid.children(null).get(0).code(), RegionLevel.VILLAGE);
        double[] at = townPoint(5);
        String there = grid.locate(at[0], at[1]).village().code();
        RegionNode elsewhere = villages.stream().filter(v -> !v.code().equals(there)).findFirst().orElseThrow();
        CurrentUser cadre = AsUser.user("cadre-form-" + elsewhere.code(), DataScope.region(elsewhere.code()),
                "resource:view", "resource:edit");
        int before = count("resource_warehouse");
        mvc.perform(form("warehouses", cadre).param("name", "越界仓库").param("address", "测试路15号")
                        .param("lon", String.valueOf(at[0])).param("lat", String.valueOf(at[1])))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"lon-error\"")));
        assertThat(count("resource_warehouse")).isEqualTo(before);
    }

    /** The edit form as the server fills it: every named input's value, as a browser would send it back. */
    Map<String, String> editForm(String kind, UUID id) throws Exception {
        String page = mvc.perform(get("/resource/" + kind + "/" + id + "/edit").with(as(keeper)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int start = page.indexOf("id=\"resource-form\"");
        String form = page.substring(start, page.indexOf("</form>", start));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input([^>]*)>").matcher(form);
        while (input.find()) {
            String attrs = input.group(1);
            if (!attrs.contains("type=\"checkbox\"") || attrs.contains("checked")) {
                fields.put(attr(attrs, "name"), unescape(attr(attrs, "value")));
            }
        }
        Matcher select = Pattern.compile("<select[^>]*name=\"(\\w+)\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(form);
        while (select.find()) {
            Matcher chosen = Pattern.compile("<option value=\"(\\w+)\" selected").matcher(select.group(2));
            fields.put(select.group(1), chosen.find() ? chosen.group(1) : "");
        }
        Matcher area = Pattern.compile("<textarea[^>]*name=\"(\\w+)\"[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(form);
        while (area.find()) {
            fields.put(area.group(1), unescape(area.group(2)));
        }
        fields.remove("_csrf");
        return fields;
    }

    static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : "";
    }

    static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    ResultActionsHolder save(String kind, UUID id, Map<String, String> fields) throws Exception {
        MockHttpServletRequestBuilder request = post("/resource/" + kind + "/" + id + "/edit").with(as(keeper)).with(csrf());
        fields.forEach(request::param);
        return new ResultActionsHolder(mvc.perform(request).andReturn().getResponse());
    }

    record ResultActionsHolder(org.springframework.mock.web.MockHttpServletResponse response) {
    }

    @Test
    void theEditFormsSaveWhatIsChangedAndRefuseAStaleVersion() throws Exception {
        double[] at = townPoint(7);
        String to = mvc.perform(form("shelters", keeper).param("name", "待编辑避难所").param("level", "VILLAGE")
                        .param("capacityDay", "100").param("capacityNight", "60").param("address", "测试路20号")
                        .param("lon", String.valueOf(at[0])).param("lat", String.valueOf(at[1])))
                .andReturn().getResponse().getRedirectedUrl();
        UUID id = idFrom(to, "shelters");

        Map<String, String> fields = editForm("shelters", id);
        assertThat(fields).containsEntry("name", "待编辑避难所").containsEntry("capacityNight", "60")
                .containsEntry("version", "0").doesNotContainKey("open");
        fields.put("capacityNight", "150");
        fields.put("open", "true");
        fields.put("occupancy", "120");
        assertThat(save("shelters", id, fields).response().getRedirectedUrl()).isEqualTo("/resource/shelters/" + id);
        Shelters.Shelter saved = shelters.find(id, DataScope.all()).orElseThrow();
        assertThat(saved.capacityNight()).isEqualTo(150);
        assertThat(saved.open()).isTrue();
        assertThat(saved.occupancy()).isEqualTo(120);
        assertThat(saved.version()).isEqualTo(1);

        // the same form sent again carries version 0: refused at the top, nothing written
        fields.put("name", "过期的名字");
        var stale = save("shelters", id, fields).response();
        assertThat(stale.getStatus()).isEqualTo(200);
        assertThat(stale.getContentAsString()).contains("id=\"resource-problem\"").contains("过期的名字");
        assertThat(shelters.find(id, DataScope.all()).orElseThrow().name()).isEqualTo("待编辑避难所");

        // more people than it holds: beside the occupancy, nothing written
        fields = editForm("shelters", id);
        fields.put("occupancy", "151");
        assertThat(save("shelters", id, fields).response().getContentAsString()).contains("id=\"occupancy-error\"");
        assertThat(shelters.find(id, DataScope.all()).orElseThrow().occupancy()).isEqualTo(120);
    }

    @Test
    void aTeamEditedUnchangedKeepsItsCrewAndAWarehouseMovedIsNearestAtItsNewPlace() throws Exception {
        double[] at = townPoint(8);
        String to = mvc.perform(form("teams", keeper).param("name", "待编辑救援队").param("type", "FLOOD")
                        .param("status", "ON_DUTY").param("address", "测试路21号")
                        .param("lon", String.valueOf(at[0])).param("lat", String.valueOf(at[1]))
                        .param("members", "王强 13800000001 LEADER\n李明").param("equipment", "冲锋舟 艘 2"))
                .andReturn().getResponse().getRedirectedUrl();
        UUID team = idFrom(to, "teams");
        Teams.Team before = teams.find(team, DataScope.all()).orElseThrow();
        assertThat(save("teams", team, editForm("teams", team)).response().getRedirectedUrl())
                .isEqualTo("/resource/teams/" + team);
        Teams.Team after = teams.find(team, DataScope.all()).orElseThrow();
        assertThat(after.members()).isEqualTo(before.members());
        assertThat(after.members().get(0).role()).isEqualTo(MemberRole.LEADER);
        assertThat(after.equipment()).isEqualTo(before.equipment());
        assertThat(after.version()).isEqualTo(before.version() + 1);

        to = mvc.perform(form("warehouses", keeper).param("name", "待搬迁仓库").param("address", "测试路22号")
                        .param("lon", String.valueOf(at[0])).param("lat", String.valueOf(at[1])))
                .andReturn().getResponse().getRedirectedUrl();
        UUID warehouse = idFrom(to, "warehouses");
        double[] there = townPoint(9);
        Map<String, String> fields = editForm("warehouses", warehouse);
        fields.put("lon", String.valueOf(there[0]));
        fields.put("lat", String.valueOf(there[1]));
        fields.put("keeper", "赵敏");
        save("warehouses", warehouse, fields);
        nearestIs(warehouse, ResourceKind.WAREHOUSE, there);
    }

    @Test
    void withoutResourceEditTheFormsAreForbidden() throws Exception {
        CurrentUser viewer = AsUser.user("resource-form-viewer", DataScope.all(), "resource:view");
        int before = count("resource_shelter");
        mvc.perform(get("/resource/shelters/new").with(as(viewer))).andExpect(status().isForbidden());
        UUID demoShelter = shelters.list(DataScope.all(), null).get(0).id();
        mvc.perform(get("/resource/shelters/{id}/edit", demoShelter).with(as(viewer))).andExpect(status().isForbidden());
        mvc.perform(post("/resource/shelters/{id}/edit", demoShelter).with(as(viewer)).with(csrf())
                .param("name", "无权改名")).andExpect(status().isForbidden());
        double[] at = townPoint(6);
        mvc.perform(form("shelters", viewer).param("name", "无权避难所").param("level", "TOWN")
                        .param("capacityDay", "5").param("capacityNight", "5").param("address", "测试路16号")
                        .param("lon", String.valueOf(at[0])).param("lat", String.valueOf(at[1])))
                .andExpect(status().isForbidden());
        assertThat(count("resource_shelter")).isEqualTo(before);
        mvc.perform(get("/resource/teams").with(as(viewer))).andExpect(status().isOk())
                .andExpect(content().string(not(
                        containsString("id=\"add-teams\""))));
    }
}

package org.linyunzhi.resource.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.Location;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.resource.LowStockDetected;
import org.linyunzhi.resource.ResourceApi;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Stock rules (never below zero, refused clearly, nothing written; concurrent takers cannot both
 * take the last items; a crossing below the minimum flags the item and announces it once),
 * dispatch transitions (the table, stale versions, a team's status following its dispatch) and data
 * scope (someone else's warehouse or dispatch does not exist for a village cadre). Each test makes
 * its own warehouse or team in a village of the demo town.
 */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class StockAndDispatchTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    GridApi grid;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ResourceApi resources;

    @Autowired
    ApplicationEvents events;

    final CurrentUser keeper = AsUser.user("resource-keeper", DataScope.all(), "resource:view", "resource:edit",
            "resource:dispatch");

    /** A point of the given village that the grid routes there. */
    double[] pointIn(String villageCode) {
        java.util.Random rnd = new java.util.Random(villageCode.hashCode());
        for (int i = 0; i < 20_000; i++) {
            double lon = 120.25 + (rnd.nextDouble() - 0.5) * 0.16;
            double lat = 30.05 + (rnd.nextDouble() - 0.5) * 0.14;
            Location at = grid.locate(lon, lat);
            if (at.found() && at.village() != null && at.village().code().equals(villageCode)) {
                return new double[] {lon, lat};
            }
        }
        throw new IllegalStateException("no point found in " + villageCode);
    }

    List<RegionNode> villages() {
        return grid.descendants(grid.children(null).get(0).code(), RegionLevel.VILLAGE);
    }

    String json(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    UUID warehouseWithItem(String village, int quantity, int minimum) throws Exception {
        double[] at = pointIn(village);
        String w = json(mvc.perform(post("/api/resource/warehouses").with(as(keeper)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"测试仓库 " + UUID.randomUUID() + "\",\"address\":\"测试路1号\",\"lon\":" + at[0]
                                + ",\"lat\":" + at[1] + "}"))
                .andExpect(status().isCreated()));
        String warehouseId = JsonPath.read(w, "$.id");
        String s = json(mvc.perform(post("/api/resource/warehouses/{id}/items", warehouseId).with(as(keeper)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"item\":\"救生衣\",\"unit\":\"件\",\"minimum\":" + minimum + "}"))
                .andExpect(status().isCreated()));
        UUID stockId = UUID.fromString(JsonPath.read(s, "$.id"));
        if (quantity > 0) {
            move(stockId, "IN", quantity, "采购入库").andExpect(status().isCreated());
        }
        return stockId;
    }

    ResultActions move(UUID stockId, String direction, Object quantity, String reason) throws Exception {
        return move(keeper, stockId, direction, quantity, reason);
    }

    ResultActions move(CurrentUser who, UUID stockId, String direction, Object quantity, String reason) throws Exception {
        return mvc.perform(post("/api/resource/stock/{id}/movements", stockId).with(as(who)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"direction\":\"" + direction + "\",\"quantity\":" + quantity + ",\"reason\":"
                        + (reason == null ? "null" : "\"" + reason + "\"") + "}"));
    }

    int quantity(UUID stockId) {
        return jdbc.sql("SELECT quantity FROM resource_stock WHERE id = :id").param("id", stockId).query(Integer.class).single();
    }

    int movements(UUID stockId) {
        return jdbc.sql("SELECT count(*) FROM resource_stock_movement WHERE stock_id = :id").param("id", stockId)
                .query(Integer.class).single();
    }

    @Test
    void stockNeverGoesBelowZeroAndBadMovementsAreRefusedWithNothingWritten() throws Exception {
        UUID stock = warehouseWithItem(villages().get(0).code(), 10, 5);
        move(stock, "OUT", 4, "防汛调拨").andExpect(status().isCreated()).andExpect(jsonPath("$.quantity").value(6));

        move(stock, "OUT", 7, "防汛调拨")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("6")));
        move(stock, "OUT", -3, "负数").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("quantity"));
        move(stock, "IN", 0, "零").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("quantity"));
        move(stock, "SIDEWAYS", 1, "方向").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("direction"));
        move(stock, "IN", 1, null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
        move(stock, "IN", "\"many\"", "文字").andExpect(status().isBadRequest());
        move(UUID.randomUUID(), "IN", 1, "不存在").andExpect(status().isNotFound());

        assertThat(quantity(stock)).isEqualTo(6);
        assertThat(movements(stock)).isEqualTo(2);

        // the minimum can not be negative either
        String warehouse = jdbc.sql("SELECT warehouse_id::text FROM resource_stock WHERE id = :id").param("id", stock)
                .query(String.class).single();
        mvc.perform(post("/api/resource/warehouses/{id}/items", warehouse).with(as(keeper)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"item\":\"沙袋\",\"unit\":\"只\",\"minimum\":-1}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("minimum"));
    }

    @Test
    void concurrentTakersCannotTogetherTakeMoreThanIsThere() throws Exception {
        UUID stock = warehouseWithItem(villages().get(1).code(), 10, 0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> takers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                takers.add(() -> move(stock, "OUT", 3, "同时出库").andReturn().getResponse().getStatus());
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(takers)) {
                answers.add(f.get());
            }
            // 10 in stock, 3 each: exactly three succeed, the rest are told there is not enough
            assertThat(answers).filteredOn(s -> s == 201).hasSize(3);
            assertThat(answers).filteredOn(s -> s == 409).hasSize(5);
        } finally {
            pool.shutdown();
        }
        assertThat(quantity(stock)).isEqualTo(1);
        assertThat(movements(stock)).isEqualTo(1 + 3);
    }

    @Test
    void anItemFallingBelowItsMinimumIsFlaggedListedAndAnnouncedOnce() throws Exception {
        UUID stock = warehouseWithItem(villages().get(2).code(), 100, 50);
        move(stock, "OUT", 40, "出库").andExpect(status().isCreated());
        assertThat(lowStockOf(stock)).isEmpty();

        move(stock, "OUT", 20, "出库").andExpect(status().isCreated()).andExpect(jsonPath("$.quantity").value(40));
        move(stock, "OUT", 5, "出库").andExpect(status().isCreated());
        assertThat(lowStockOf(stock)).singleElement()
                .satisfies(e -> {
                    assertThat(e.quantity()).isEqualTo(40);
                    assertThat(e.minimum()).isEqualTo(50);
                    assertThat(e.item()).isEqualTo("救生衣");
                });

        String alerts = json(mvc.perform(get("/api/resource/alerts").with(as(keeper))).andExpect(status().isOk()));
        assertThat(JsonPath.<List<String>>read(alerts, "$[*].stockId")).contains(stock.toString());
        mvc.perform(get("/resource/alerts").with(as(keeper))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/resource/stock/" + stock)));

        // restocked above the minimum, it leaves the alerts; falling again announces again
        move(stock, "IN", 30, "补充").andExpect(status().isCreated());
        alerts = json(mvc.perform(get("/api/resource/alerts").with(as(keeper))));
        assertThat(JsonPath.<List<String>>read(alerts, "$[*].stockId")).doesNotContain(stock.toString());
        move(stock, "OUT", 20, "出库").andExpect(status().isCreated());
        assertThat(lowStockOf(stock)).hasSize(2);
    }

    List<LowStockDetected> lowStockOf(UUID stock) {
        return events.stream(LowStockDetected.class).filter(e -> e.stockId().equals(stock)).toList();
    }

    UUID team(String village, String status) throws Exception {
        double[] at = pointIn(village);
        String t = json(mvc.perform(post("/api/resource/teams").with(as(keeper)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"测试救援队 " + UUID.randomUUID() + "\",\"type\":\"FLOOD\",\"status\":\"" + status
                                + "\",\"address\":\"测试路2号\",\"lon\":" + at[0] + ",\"lat\":" + at[1]
                                + ",\"members\":[{\"name\":\"王强\",\"phone\":\"13800000001\",\"role\":\"LEADER\"}],"
                                + "\"equipment\":[{\"item\":\"冲锋舟\",\"unit\":\"艘\",\"quantity\":2}]}"))
                .andExpect(status().isCreated()));
        return UUID.fromString(JsonPath.read(t, "$.id"));
    }

    String teamStatus(UUID team) {
        return jdbc.sql("SELECT status FROM resource_team WHERE id = :id").param("id", team).query(String.class).single();
    }

    ResultActions moveDispatch(String dispatch, String to, Integer version) throws Exception {
        return mvc.perform(post("/api/resource/dispatches/{id}/status", dispatch).with(as(keeper)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"" + to + "\",\"version\":" + version + ",\"comment\":\"现场\"}"));
    }

    @Test
    void aDispatchWalksItsTransitionsAndTheTeamFollows() throws Exception {
        UUID team = team(villages().get(3).code(), "ON_DUTY");
        UUID hazard = UUID.randomUUID();
        String created = json(mvc.perform(post("/api/resource/dispatches").with(as(keeper)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"resourceId\":\"" + team + "\",\"targetKind\":\"HAZARD\",\"targetId\":\"" + hazard
                                + "\",\"note\":\"河堤管涌\"}"))
                .andExpect(status().isCreated()));
        String dispatch = JsonPath.read(created, "$.id");
        assertThat(teamStatus(team)).isEqualTo("DEPLOYED");

        // a deployed team's status is its dispatch's, not a form's
        mvc.perform(put("/api/resource/teams/{id}/status", team).with(as(keeper)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"STANDBY\"}"))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/resource/teams/{id}/status", team).with(as(keeper)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"DEPLOYED\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("status"));
        // and it cannot be sent twice at once
        mvc.perform(post("/api/resource/dispatches").with(as(keeper)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"resourceId\":\"" + team + "\",\"targetKind\":\"EVENT\",\"targetId\":\"" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isConflict());

        moveDispatch(dispatch, "ARRIVED", 0).andExpect(status().isOk())
                .andExpect(jsonPath("$.dispatch.status").value("ARRIVED"))
                .andExpect(jsonPath("$.next[0]").value("RETURNED"));
        // someone still holding version 0 is told it moved on
        moveDispatch(dispatch, "RETURNED", 0).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("ARRIVED")));
        // on site, it can only come back, not be cancelled
        moveDispatch(dispatch, "CANCELLED", 1).andExpect(status().isConflict());
        moveDispatch(dispatch, "SIDEWAYS", 1).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("status"));
        assertThat(teamStatus(team)).isEqualTo("DEPLOYED");

        moveDispatch(dispatch, "RETURNED", 1).andExpect(status().isOk())
                .andExpect(jsonPath("$.dispatch.status").value("RETURNED"))
                .andExpect(jsonPath("$.dispatch.closedAt").isNotEmpty())
                .andExpect(jsonPath("$.timeline.length()").value(3))
                .andExpect(jsonPath("$.timeline[0].to").value("DISPATCHED"))
                .andExpect(jsonPath("$.timeline[2].from").value("ARRIVED"));
        assertThat(teamStatus(team)).isEqualTo("ON_DUTY");
        moveDispatch(dispatch, "ARRIVED", 2).andExpect(status().isConflict());

        // through the module API as the one map will call it; then cancelled before arriving
        UUID second = resources.dispatch(team, "EVENT", UUID.randomUUID(), "second", null);
        assertThat(teamStatus(team)).isEqualTo("DEPLOYED");
        moveDispatch(second.toString(), "CANCELLED", 0).andExpect(status().isOk());
        assertThat(teamStatus(team)).isEqualTo("ON_DUTY");
    }

    @Test
    void badDispatchesAreRefusedNamingTheField() throws Exception {
        UUID offTeam = team(villages().get(4).code(), "OFF");
        String body = "{\"resourceId\":\"%s\",\"targetKind\":\"%s\",\"targetId\":%s}";
        mvc.perform(post("/api/resource/dispatches").with(as(keeper)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(offTeam, "PARTY", "\"" + UUID.randomUUID() + "\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("targetKind"));
        mvc.perform(post("/api/resource/dispatches").with(as(keeper)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(offTeam, "HAZARD", "null")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("targetId"));
        mvc.perform(post("/api/resource/dispatches").with(as(keeper)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(UUID.randomUUID(), "HAZARD", "\"" + UUID.randomUUID() + "\"")))
                .andExpect(status().isNotFound());
        // a team off duty is not sent
        mvc.perform(post("/api/resource/dispatches").with(as(keeper)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(offTeam, "HAZARD", "\"" + UUID.randomUUID() + "\"")))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT count(*) FROM resource_dispatch WHERE resource_id = :id").param("id", offTeam)
                .query(Integer.class).single()).isZero();
        // without resource:dispatch, no dispatching at all
        CurrentUser viewer = AsUser.user("resource-viewer", DataScope.all(), "resource:view");
        mvc.perform(post("/api/resource/dispatches").with(as(viewer)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(offTeam, "HAZARD", "\"" + UUID.randomUUID() + "\"")))
                .andExpect(status().isForbidden());
    }

    @Test
    void someoneElsesRecordsDoNotExistForAVillageCadre() throws Exception {
        RegionNode mine = villages().get(5);
        RegionNode theirs = villages().get(6);
        UUID theirStock = warehouseWithItem(theirs.code(), 10, 1);
        UUID theirTeam = team(theirs.code(), "STANDBY");
        String theirDispatch = JsonPath.read(json(mvc.perform(post("/api/resource/dispatches").with(as(keeper)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"resourceId\":\"" + theirTeam + "\",\"targetKind\":\"EVENT\",\"targetId\":\"" + UUID.randomUUID() + "\"}"))), "$.id");
        CurrentUser cadre = AsUser.user("cadre-" + mine.code(), DataScope.region(mine.code()), "resource:view",
                "resource:edit", "resource:dispatch");

        move(cadre, theirStock, "OUT", 1, "不是我的").andExpect(status().isNotFound());
        assertThat(quantity(theirStock)).isEqualTo(10);
        mvc.perform(get("/api/resource/teams/{id}", theirTeam).with(as(cadre))).andExpect(status().isNotFound());
        mvc.perform(get("/api/resource/dispatches/{id}", theirDispatch).with(as(cadre))).andExpect(status().isNotFound());
        mvc.perform(post("/api/resource/dispatches/{id}/status", theirDispatch).with(as(cadre)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"CANCELLED\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/resource/stock/{id}", theirStock).with(as(cadre))).andExpect(status().isNotFound());
        String teams = json(mvc.perform(get("/api/resource/teams").with(as(cadre))).andExpect(status().isOk()));
        assertThat(JsonPath.<List<String>>read(teams, "$[*].regionCode")).allMatch(c -> c.startsWith(mine.code()));

        // nor may the cadre file a new shelter in the other village
        double[] there = pointIn(theirs.code());
        mvc.perform(post("/api/resource/shelters").with(as(cadre)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"越界\",\"level\":\"VILLAGE\",\"capacityDay\":10,\"capacityNight\":5,"
                                + "\"address\":\"x\",\"lon\":" + there[0] + ",\"lat\":" + there[1] + "}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("lon"));
        // and coordinates out of range or outside the town are refused by name
        mvc.perform(post("/api/resource/shelters").with(as(keeper)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"越界\",\"level\":\"VILLAGE\",\"capacityDay\":10,\"capacityNight\":5,"
                                + "\"address\":\"x\",\"lon\":120.25,\"lat\":95}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("lat"));
        mvc.perform(post("/api/resource/shelters").with(as(keeper)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"越界\",\"level\":\"VILLAGE\",\"capacityDay\":-10,\"capacityNight\":5,"
                                + "\"address\":\"x\",\"lon\":120.25,\"lat\":30.05}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("capacityDay"));
        mvc.perform(post("/api/resource/shelters").with(as(keeper)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"海上\",\"level\":\"VILLAGE\",\"capacityDay\":10,\"capacityNight\":5,"
                                + "\"address\":\"x\",\"lon\":123.0,\"lat\":30.05}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("lon"));
    }

    @Test
    void theStockPageKeepsARefusedMovementAsTypedWithTheMessageBesideTheField() throws Exception {
        UUID stock = warehouseWithItem(villages().get(7).code(), 5, 2);
        String page = mvc.perform(post("/resource/stock/{id}/movements", stock).with(as(keeper)).with(csrf())
                        .param("direction", "OUT").param("quantity", "9").param("reason", "台风调拨"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"quantity-error\"").contains("value=\"9\"").contains("value=\"台风调拨\"");
        assertThat(quantity(stock)).isEqualTo(5);
        mvc.perform(post("/resource/stock/{id}/movements", stock).with(as(keeper)).with(csrf())
                        .param("direction", "OUT").param("quantity", "2").param("reason", "台风调拨"))
                .andExpect(status().is3xxRedirection());
        assertThat(quantity(stock)).isEqualTo(3);

        // a new item on the warehouse page: a negative minimum is refused, nothing added
        String warehouse = jdbc.sql("SELECT warehouse_id::text FROM resource_stock WHERE id = :id").param("id", stock)
                .query(String.class).single();
        mvc.perform(post("/resource/warehouses/{id}/items", warehouse).with(as(keeper)).with(csrf())
                        .param("item", "帐篷").param("unit", "顶").param("minimum", "-2"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("problem"));
        String added = mvc.perform(post("/resource/warehouses/{id}/items", warehouse).with(as(keeper)).with(csrf())
                        .param("item", "帐篷").param("unit", "顶").param("minimum", "20"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(added).startsWith("/resource/stock/");
        assertThat(jdbc.sql("SELECT minimum FROM resource_stock WHERE warehouse_id = CAST(:w AS uuid) AND item = '帐篷'")
                .param("w", warehouse).query(Integer.class).list()).containsExactly(20);
    }
}

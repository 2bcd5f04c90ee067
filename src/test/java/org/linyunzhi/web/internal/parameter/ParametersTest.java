package org.linyunzhi.web.internal.parameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.linyunzhi.web.Parameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@AutoConfigureMockMvc
class ParametersTest {

    static final CurrentUser ADMIN = AsUser.user("param.admin", DataScope.all(), "system:param:view", "system:param:edit");

    @Autowired
    MockMvc mvc;
    @Autowired
    Parameters parameters;
    @Autowired
    ParameterAdmin admin;

    @AfterEach
    void restoreSeededValues() {
        admin.change("ui.page-size", "20");
        admin.change("task.reminder-before-deadline", "PT4H");
    }

    @Test
    void seededParametersReadAsTheirTypes() {
        assertThat(parameters.string("map.tile-url")).isEmpty();
        assertThat(parameters.decimal("grid.overlap-tolerance-m2")).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(parameters.decimal("grid.containment-tolerance-m")).isEqualByComparingTo("0.5");
        assertThat(parameters.integer("event.duplicate-radius-m")).isEqualTo(50);
        assertThat(parameters.bool("report.require-location")).isTrue();
        assertThat(parameters.duration("task.reminder-before-deadline")).isEqualTo(Duration.ofHours(4));
        assertThatThrownBy(() -> parameters.integer("map.tile-url")).hasMessageContaining("is STRING, not INT");
        assertThatThrownBy(() -> parameters.string("no.such.key")).hasMessageContaining("no parameter no.such.key");
    }

    @Test
    void thePageRejectsANonIntegerForAnIntParameterNamingIt() throws Exception {
        mvc.perform(post("/system/params/ui.page-size").param("value", "twenty").with(csrf()).with(AsUser.as(ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("参数 ui.page-size 的值必须是整数，“twenty”不是整数。")))
                .andExpect(content().string(Matchers.containsString("value=\"twenty\"")));
        assertThat(parameters.integer("ui.page-size")).isEqualTo(20);
    }

    @Test
    void theApiRejectsANonIntegerWithAProblemNamingTheParameter() throws Exception {
        mvc.perform(put("/api/system/params/ui.page-size").param("lang", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":\"12.5\"}").with(csrf()).with(AsUser.as(ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("Parameter ui.page-size must be a whole number; \"12.5\" is not one."))
                .andExpect(jsonPath("$.parameter").value("ui.page-size"));
        mvc.perform(put("/api/system/params/ui.page-size").contentType(MediaType.APPLICATION_JSON).content("{}")
                        .with(csrf()).with(AsUser.as(ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("value"));
        mvc.perform(put("/api/system/params/platform.time-zone").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":\"UTC\"}").with(csrf()).with(AsUser.as(ADMIN)))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/system/params/no.such.key").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":\"1\"}").with(csrf()).with(AsUser.as(ADMIN)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aValidChangeIsReadRightAfterItCommits() throws Exception {
        assertThat(parameters.integer("ui.page-size")).isEqualTo(20);
        mvc.perform(post("/system/params/ui.page-size").param("value", " 25 ").with(csrf()).with(AsUser.as(ADMIN)))
                .andExpect(status().is3xxRedirection());
        assertThat(parameters.integer("ui.page-size")).isEqualTo(25);

        mvc.perform(put("/api/system/params/task.reminder-before-deadline").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":\"30m\"}").with(csrf()).with(AsUser.as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value("30m"))
                .andExpect(jsonPath("$.updatedBy").value("param.admin"));
        assertThat(parameters.duration("task.reminder-before-deadline")).isEqualTo(Duration.ofMinutes(30));

        mvc.perform(get("/system/params").with(AsUser.as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("map.tile-url")))
                .andExpect(content().string(Matchers.containsString("只读")));
    }
}

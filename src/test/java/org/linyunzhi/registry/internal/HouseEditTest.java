package org.linyunzhi.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Correcting a house on its page: with registry:edit inside the editor's area it is saved; a form
 * older than the record answers 409 and changes nothing; a bad use answers 400; without the
 * permission 403; outside the area 404, for the edit as for the reading.
 */
@IntegrationTest
@AutoConfigureMockMvc
class HouseEditTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aHouseIsCorrectedOnlyByAnEditorInItsAreaAtItsVersion() throws Exception {
        Map<String, Object> row = jdbc.sql("SELECT id, version, region_code, rented FROM registry_house "
                + "WHERE house_use = 'RESIDENTIAL' ORDER BY address DESC LIMIT 1").query().singleRow();
        UUID id = (UUID) row.get("id");
        int version = (Integer) row.get("version");
        String village = ((String) row.get("region_code")).substring(0, 12);
        CurrentUser editor = AsUser.user("house-editor", DataScope.region(village), "registry:view", "registry:edit");
        CurrentUser viewer = AsUser.user("house-viewer", DataScope.region(village), "registry:view");
        CurrentUser elsewhere = AsUser.user("house-elsewhere", DataScope.region(village.endsWith("1") ? "330109107002"
                : "330109107001"), "registry:view", "registry:edit");

        mvc.perform(post("/registry/houses/" + id).param("use", "SHOP").param("rented", "true")
                        .param("version", String.valueOf(version)).with(as(viewer)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/registry/houses/" + id).param("use", "SHOP").param("version", String.valueOf(version))
                .with(as(elsewhere)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/registry/houses/" + id).param("use", "PALACE").param("version", String.valueOf(version))
                        .with(as(editor)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString("PALACE")));

        mvc.perform(post("/registry/houses/" + id).param("use", "SHOP").param("rented", "true")
                        .param("version", String.valueOf(version)).with(as(editor)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/registry/houses/" + id));
        Map<String, Object> saved = jdbc.sql("SELECT house_use, rented, version FROM registry_house WHERE id = :id")
                .param("id", id).query().singleRow();
        assertThat(saved).containsEntry("house_use", "SHOP").containsEntry("rented", true)
                .containsEntry("version", version + 1);

        // the same (now stale) form again: refused, nothing changed
        mvc.perform(post("/registry/houses/" + id).param("use", "WAREHOUSE").param("version", String.valueOf(version))
                .with(as(editor)).with(csrf())).andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT house_use FROM registry_house WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("SHOP");
        mvc.perform(get("/registry/houses/" + id).with(as(viewer))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("house-edit"))));
    }
}

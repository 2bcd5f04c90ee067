package org.linyunzhi.web.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Viewing is not editing. These checks run once identity's security configuration enables
 * method security (@PreAuthorize); before that they are skipped, not passed.
 */
@IntegrationTest
@AutoConfigureMockMvc
class SystemPermissionsTest {

    static final CurrentUser VIEWER = AsUser.user("viewer", DataScope.all(), "system:dict:view", "system:param:view");
    static final CurrentUser NOBODY = AsUser.user("nobody", DataScope.all());

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void methodSecurityIsOn() throws Exception {
        assumeTrue(mvc.perform(get("/api/test/audit-probe/guarded").with(AsUser.as(AsUser.user("probe", DataScope.all()))))
                        .andReturn().getResponse().getStatus() == 403,
                "method security is not enabled yet");
    }

    @Test
    void aViewerSeesButCannotChange() throws Exception {
        mvc.perform(get("/system/dicts").with(AsUser.as(VIEWER))).andExpect(status().isOk());
        mvc.perform(get("/system/params").with(AsUser.as(VIEWER))).andExpect(status().isOk());
        mvc.perform(post("/system/dicts").param("code", "viewer_made").param("nameZh", "x")
                .with(csrf()).with(AsUser.as(VIEWER))).andExpect(status().isForbidden());
        mvc.perform(post("/system/params/ui.page-size").param("value", "5")
                .with(csrf()).with(AsUser.as(VIEWER))).andExpect(status().isForbidden());
    }

    @Test
    void withoutPermissionNothingIsShown() throws Exception {
        mvc.perform(get("/system/dicts").with(AsUser.as(NOBODY))).andExpect(status().isForbidden());
        mvc.perform(get("/system/params").with(AsUser.as(NOBODY))).andExpect(status().isForbidden());
        mvc.perform(get("/api/system/params").with(AsUser.as(NOBODY))).andExpect(status().isForbidden());
    }
}

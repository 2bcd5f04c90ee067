package org.linyunzhi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@AutoConfigureMockMvc
class RoleAdminTest {

    @Autowired MockMvc mvc;
    @Autowired Roles roles;

    final CurrentUser securityAdmin = new CurrentUser(UUID.randomUUID(), "sec-test", "Sec", Set.of("SECURITY_ADMIN"),
            Set.of("system:role:view", "system:role:edit"), DataScope.all());

    @Test
    void everyRoleIsSeededWithAScopeAndPermissions() {
        assertThat(roles.all()).extracting(Roles.Role::code).containsExactly("SYS_ADMIN", "SECURITY_ADMIN", "AUDITOR",
                "TOWN_LEADER", "COMMAND_OPERATOR", "DEPT_OFFICER", "VILLAGE_CADRE", "GRID_WORKER", "MICRO_GRID_HEAD",
                "MICRO_GRID_MEMBER", "MEDIATOR", "RESIDENT");
        assertThat(roles.all()).allSatisfy(r -> assertThat(r.permissionCount()).isPositive());
        // separated administrators: the system admin cannot edit roles, the auditor changes nothing
        assertThat(roles.permissionsOf(Set.of("SYS_ADMIN"))).doesNotContain("system:role:edit", "audit:log:view");
        assertThat(roles.permissionsOf(Set.of("AUDITOR"))).noneMatch(p -> p.endsWith(":edit") || p.endsWith(":kick"));
        assertThat(roles.byCode("DEPT_OFFICER").orElseThrow().scopeKind()).isEqualTo(DataScope.Kind.DEPARTMENT);
        assertThat(roles.byCode("RESIDENT").orElseThrow().scopeKind()).isEqualTo(DataScope.Kind.SELF);
    }

    @Test
    void theChecklistIsGroupedByModuleAndSavesWithTheRightPermissionOnly() throws Exception {
        mvc.perform(get("/system/roles").with(as(securityAdmin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("调解员")));
        mvc.perform(get("/system/roles/MEDIATOR").with(as(securityAdmin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("系统管理")))
                .andExpect(content().string(containsString("value=\"grid:locate\" checked")));

        CurrentUser viewer = new CurrentUser(UUID.randomUUID(), "v", "V", Set.of("AUDITOR"), Set.of("system:role:view"),
                DataScope.all());
        Roles.Role mediator = roles.byCode("MEDIATOR").orElseThrow();
        mvc.perform(post("/system/roles/MEDIATOR").with(as(viewer)).with(csrf()).param("scopeKind", "ALL")
                .param("permissions", "system:user:edit").param("version", String.valueOf(mediator.version())))
                .andExpect(status().isForbidden());
        CurrentUser villageSecurity = new CurrentUser(UUID.randomUUID(), "vs", "VS", Set.of("SECURITY_ADMIN"),
                Set.of("system:role:view", "system:role:edit"), DataScope.region("330109107201"));
        mvc.perform(post("/system/roles/MEDIATOR").with(as(villageSecurity)).with(csrf()).param("scopeKind", "ALL")
                .param("permissions", "system:user:edit").param("version", String.valueOf(mediator.version())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/system/roles/MEDIATOR").with(as(securityAdmin)).with(csrf()).param("scopeKind", "REGION")
                        .param("permissions", "grid:locate", "no:such:thing")
                        .param("version", String.valueOf(mediator.version())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("包含未知的权限")));
        assertThat(roles.permissionsOf(Set.of("MEDIATOR"))).containsExactlyInAnyOrder("grid:node:view", "grid:locate");

        mvc.perform(post("/system/roles/MEDIATOR").with(as(securityAdmin)).with(csrf()).param("scopeKind", "REGION")
                        .param("permissions", "grid:node:view", "grid:locate", "grid:staff:view")
                        .param("version", String.valueOf(mediator.version())))
                .andExpect(redirectedUrl("/system/roles/MEDIATOR"));
        assertThat(roles.permissionsOf(Set.of("MEDIATOR"))).contains("grid:staff:view");
        // a second save from the same (now stale) form is a conflict
        mvc.perform(post("/system/roles/MEDIATOR").with(as(securityAdmin)).with(csrf()).param("scopeKind", "REGION")
                        .param("permissions", "grid:locate").param("version", String.valueOf(mediator.version())))
                .andExpect(content().string(containsString("已被他人修改")));
        // put the seed back for the other tests
        roles.update("MEDIATOR", mediator.version() + 1, DataScope.Kind.REGION, Set.of("grid:node:view", "grid:locate"));
        mvc.perform(get("/system/roles/NO_SUCH_ROLE").with(as(securityAdmin))).andExpect(status().isNotFound());
    }
}

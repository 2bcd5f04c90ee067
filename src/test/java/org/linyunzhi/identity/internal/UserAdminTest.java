package org.linyunzhi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Users administration: permissions on every action, and the data scope on reads and writes alike.
 * A village cadre of village 201 works here; village 202 is outside their scope.
 */
@IntegrationTest
@AutoConfigureMockMvc
class UserAdminTest {

    static final String VILLAGE = "330109107201";
    static final String OTHER_VILLAGE = "330109107202";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Departments departments;
    @Autowired PasswordEncoder encoder;
    @Autowired JdbcClient jdbc;

    CurrentUser cadre;
    Account inside;
    Account outside;

    @BeforeEach
    void twoVillages() {
        // the test cadre holds exactly what the seeded role grants, as a signed-in cadre would:
        // whatever permissions modules add to the roles, the cadre can still grant GRID_WORKER
        Set<String> granted = Set.copyOf(jdbc.sql("SELECT permission_code FROM role_permission WHERE role_code = 'VILLAGE_CADRE'")
                .query(String.class).list());
        cadre = new CurrentUser(UUID.randomUUID(), "cadre-test", "Cadre", Set.of("VILLAGE_CADRE"), granted,
                DataScope.region(VILLAGE));
        inside = TestAccounts.create(accounts, encoder, "inside", DataScope.Kind.REGION, VILLAGE + "001", null, false,
                "GRID_WORKER");
        outside = TestAccounts.create(accounts, encoder, "outside", DataScope.Kind.REGION, OTHER_VILLAGE + "001",
                null, false, "GRID_WORKER");
    }

    @Test
    void withoutThePermissionEveryActionIs403() throws Exception {
        CurrentUser resident = new CurrentUser(UUID.randomUUID(), "r", "R", Set.of("RESIDENT"), Set.of("grid:locate"),
                DataScope.all());
        mvc.perform(get("/system/users").with(as(resident))).andExpect(status().isForbidden());
        mvc.perform(get("/system/users/" + inside.id()).with(as(resident))).andExpect(status().isForbidden());
        mvc.perform(get("/system/users/regions").param("parent", VILLAGE).with(as(resident)))
                .andExpect(status().isForbidden());

        CurrentUser viewer = new CurrentUser(UUID.randomUUID(), "v", "V", Set.of("AUDITOR"),
                Set.of("system:user:view"), DataScope.all());
        mvc.perform(get("/system/users").with(as(viewer))).andExpect(status().isOk());
        mvc.perform(get("/system/users/new").with(as(viewer))).andExpect(status().isForbidden());
        mvc.perform(post("/system/users").with(as(viewer)).with(csrf()).param("username", "x-" + UUID.randomUUID()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/system/users/" + inside.id()).with(as(viewer)).with(csrf())
                .param("displayName", "changed")).andExpect(status().isForbidden());
        mvc.perform(post("/system/users/" + inside.id() + "/enabled").with(as(viewer)).with(csrf())
                .param("enabled", "false")).andExpect(status().isForbidden());
        mvc.perform(post("/system/users/" + inside.id() + "/unlock").with(as(viewer)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/system/users/" + inside.id() + "/password").with(as(viewer)).with(csrf()))
                .andExpect(status().isForbidden());
        Account unchanged = accounts.byId(inside.id()).orElseThrow();
        assertThat(unchanged.enabled()).isTrue();
        assertThat(unchanged.displayName()).isEqualTo(inside.displayName());
    }

    @Test
    void theListShowsOnlyTheSubtree() throws Exception {
        mvc.perform(get("/system/users").param("q", "side-").with(as(cadre)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(inside.username())))
                .andExpect(content().string(not(containsString(outside.username()))));
        // asking for the other village by filter does not widen the scope
        mvc.perform(get("/system/users").param("region", OTHER_VILLAGE).with(as(cadre)))
                .andExpect(content().string(not(containsString(outside.username()))));
        // an htmx search answers the table alone
        mvc.perform(get("/system/users").param("q", inside.username()).header("HX-Request", "true")
                        .header("HX-Target", "user-table").with(as(cadre)))
                .andExpect(content().string(containsString(inside.username())))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void aRecordOutsideTheScopeIs404OnViewAndOnEveryWrite() throws Exception {
        String id = outside.id().toString();
        mvc.perform(get("/system/users/" + id).with(as(cadre))).andExpect(status().isNotFound());
        mvc.perform(post("/system/users/" + id).with(as(cadre)).with(csrf()).param("displayName", "Taken over")
                        .param("regionCode", VILLAGE).param("scopeKind", "REGION").param("roles", "GRID_WORKER")
                        .param("version", "0"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/system/users/" + id + "/enabled").with(as(cadre)).with(csrf()).param("enabled", "false"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/system/users/" + id + "/unlock").with(as(cadre)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/system/users/" + id + "/password").with(as(cadre)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/system/users/regions").param("parent", OTHER_VILLAGE).with(as(cadre)))
                .andExpect(status().isNotFound());

        Account after = accounts.byId(outside.id()).orElseThrow();
        assertThat(after.displayName()).isEqualTo(outside.displayName());
        assertThat(after.regionCode()).isEqualTo(outside.regionCode());
        assertThat(after.enabled()).isTrue();
        assertThat(after.passwordHash()).isEqualTo(outside.passwordHash());
        assertThat(after.version()).isEqualTo(outside.version());
    }

    @Test
    void insideTheScopeTheCadreEditsDisablesUnlocksAndResets() throws Exception {
        String id = inside.id().toString();
        mvc.perform(get("/system/users/" + id).with(as(cadre))).andExpect(status().isOk())
                .andExpect(content().string(containsString(inside.username())));
        mvc.perform(get("/system/users/regions").param("parent", VILLAGE).with(as(cadre)))
                .andExpect(status().isOk());
        mvc.perform(post("/system/users/" + id).with(as(cadre)).with(csrf()).param("displayName", "Renamed")
                        .param("regionCode", VILLAGE).param("scopeKind", "REGION")
                        .param("roles", "GRID_WORKER").param("version", String.valueOf(inside.version())))
                .andExpect(redirectedUrl("/system/users/" + id));
        Account edited = accounts.byId(inside.id()).orElseThrow();
        assertThat(edited.displayName()).isEqualTo("Renamed");
        assertThat(edited.regionCode()).isEqualTo(VILLAGE);

        // a stale form is refused, not silently overwriting
        mvc.perform(post("/system/users/" + id).with(as(cadre)).with(csrf()).param("displayName", "Stale")
                        .param("regionCode", VILLAGE).param("scopeKind", "REGION")
                        .param("roles", "GRID_WORKER").param("version", String.valueOf(inside.version())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已被他人修改")));
        assertThat(accounts.byId(inside.id()).orElseThrow().displayName()).isEqualTo("Renamed");

        // moving the user out of the subtree is refused beside the field
        mvc.perform(post("/system/users/" + id).with(as(cadre)).with(csrf()).param("displayName", "Moved")
                        .param("regionCode", OTHER_VILLAGE).param("scopeKind", "REGION")
                        .param("roles", "GRID_WORKER").param("version", String.valueOf(edited.version())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不在您的管理范围内")));
        assertThat(accounts.byId(inside.id()).orElseThrow().regionCode()).isEqualTo(VILLAGE);

        mvc.perform(post("/system/users/" + id + "/enabled").with(as(cadre)).with(csrf()).param("enabled", "false"))
                .andExpect(redirectedUrl("/system/users/" + id));
        assertThat(accounts.byId(inside.id()).orElseThrow().enabled()).isFalse();

        jdbc.sql("UPDATE user_account SET failed_attempts = 5, locked_until = now() + interval '10 minutes'"
                + " WHERE id = :id").param("id", inside.id()).update();
        mvc.perform(post("/system/users/" + id + "/unlock").with(as(cadre)).with(csrf()))
                .andExpect(redirectedUrl("/system/users/" + id));
        assertThat(accounts.byId(inside.id()).orElseThrow().lockedUntil()).isNull();

        String page = mvc.perform(post("/system/users/" + id + "/password").with(as(cadre)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String initial = secret(page);
        Account reset = accounts.byId(inside.id()).orElseThrow();
        assertThat(reset.mustChangePassword()).isTrue();
        assertThat(encoder.matches(initial, reset.passwordHash())).isTrue();
    }

    @Test
    void theCadreCreatesUsersOnlyInsideTheSubtreeAndOnlyWithRolesTheyCouldHold() throws Exception {
        String outsider = "made-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/system/users").with(as(cadre)).with(csrf()).param("username", outsider)
                        .param("displayName", "Outsider").param("regionCode", OTHER_VILLAGE)
                        .param("scopeKind", "ALL").param("roles", "SYS_ADMIN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该区域不在您的管理范围内")))
                .andExpect(content().string(containsString("请选择您可授予的数据范围")))
                .andExpect(content().string(containsString("您不能授予角色 SYS_ADMIN")))
                // the form keeps what was typed
                .andExpect(content().string(containsString("value=\"" + outsider + "\"")));
        assertThat(accounts.usernameTaken(outsider)).isFalse();

        mvc.perform(post("/system/users").with(as(cadre)).with(csrf()).param("username", "x")
                        .param("displayName", "").param("regionCode", "abc").param("scopeKind", "REGION"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("用户名须为 3–64 位")))
                .andExpect(content().string(containsString("请填写姓名")))
                .andExpect(content().string(containsString("区域编码须为 6–24 位数字")))
                .andExpect(content().string(containsString("请至少选择一个角色")));

        String username = "made-" + UUID.randomUUID().toString().substring(0, 8);
        String page = mvc.perform(post("/system/users").with(as(cadre)).with(csrf()).param("username", username)
                        .param("displayName", "New worker").param("regionCode", VILLAGE + "001")
                        .param("scopeKind", "REGION").param("roles", "GRID_WORKER"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String initial = secret(page);
        Account created = accounts.byUsername(username).orElseThrow();
        assertThat(created.mustChangePassword()).isTrue();
        assertThat(created.roles()).containsExactly("GRID_WORKER");

        // the new user's first login goes to the password change
        assertThat(TestAccounts.login(mvc, username, initial).getResponse().getRedirectedUrl())
                .isEqualTo("/account/password");
        // and the name cannot be taken twice
        mvc.perform(post("/system/users").with(as(cadre)).with(csrf()).param("username", username.toUpperCase())
                        .param("displayName", "Twin").param("regionCode", VILLAGE).param("scopeKind", "REGION")
                        .param("roles", "GRID_WORKER"))
                .andExpect(content().string(containsString("该用户名已被使用")));
    }

    /**
     * The system administrator gives working roles without holding their permissions (every module adds
     * permissions to GRID_WORKER; SYS_ADMIN holds few of them), but never an administrator role (三员).
     */
    @Test
    void theSystemAdministratorGivesWorkingRolesButNotAdministratorRoles() throws Exception {
        Set<String> granted = Set.copyOf(jdbc.sql("SELECT permission_code FROM role_permission WHERE role_code = 'SYS_ADMIN'")
                .query(String.class).list());
        Set<String> worker = Set.copyOf(jdbc.sql("SELECT permission_code FROM role_permission WHERE role_code = 'GRID_WORKER'")
                .query(String.class).list());
        assertThat(granted.containsAll(worker)).as("SYS_ADMIN lacks some of GRID_WORKER's permissions").isFalse();
        CurrentUser admin = new CurrentUser(UUID.randomUUID(), "sysadmin-test", "Admin", Set.of("SYS_ADMIN"), granted,
                DataScope.all());
        String username = "made-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/system/users").with(as(admin)).with(csrf()).param("username", username)
                        .param("displayName", "New worker").param("regionCode", VILLAGE + "001")
                        .param("scopeKind", "REGION").param("roles", "GRID_WORKER"))
                .andExpect(status().isOk());
        assertThat(accounts.byUsername(username).orElseThrow().roles()).containsExactly("GRID_WORKER");

        String second = "made-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/system/users").with(as(admin)).with(csrf()).param("username", second)
                        .param("displayName", "Would-be security admin").param("regionCode", "330109107")
                        .param("scopeKind", "ALL").param("roles", "SECURITY_ADMIN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("您不能授予角色 SECURITY_ADMIN")));
        assertThat(accounts.usernameTaken(second)).isFalse();
    }

    @Test
    void aDepartmentOfficerSeesOnlyTheirDepartment() throws Exception {
        Departments.Department police = departments.byCode("PCS").orElseThrow();
        Departments.Department justice = departments.byCode("SFS").orElseThrow();
        Account colleague = TestAccounts.create(accounts, encoder, "police", DataScope.Kind.DEPARTMENT, "330109107",
                police.id(), false, "DEPT_OFFICER");
        Account stranger = TestAccounts.create(accounts, encoder, "justice", DataScope.Kind.DEPARTMENT, "330109107",
                justice.id(), false, "DEPT_OFFICER");
        CurrentUser officer = new CurrentUser(UUID.randomUUID(), "officer-test", "Officer", Set.of("DEPT_OFFICER"),
                Set.of("system:user:view"), DataScope.department(police.id(), "330109107"));
        mvc.perform(get("/system/users").with(as(officer)))
                .andExpect(content().string(containsString(colleague.username())))
                .andExpect(content().string(not(containsString(stranger.username()))));
        mvc.perform(get("/system/users/" + stranger.id()).with(as(officer))).andExpect(status().isNotFound());
    }

    @Test
    void nobodyChangesTheirOwnRolesOrDisablesThemselves() throws Exception {
        Account admin = TestAccounts.create(accounts, encoder, "selfadmin", DataScope.Kind.ALL, "330109107", null,
                false, "SYS_ADMIN");
        CurrentUser me = new CurrentUser(admin.id(), admin.username(), "Me", admin.roles(),
                Set.of("system:user:view", "system:user:edit"), DataScope.all());
        mvc.perform(post("/system/users/" + admin.id()).with(as(me)).with(csrf()).param("displayName", "Me")
                        .param("regionCode", "330109107").param("scopeKind", "ALL")
                        .param("roles", "SYS_ADMIN").param("roles", "SECURITY_ADMIN")
                        .param("version", String.valueOf(admin.version())))
                .andExpect(content().string(containsString("不能修改自己的角色")));
        mvc.perform(post("/system/users/" + admin.id() + "/enabled").with(as(me)).with(csrf())
                .param("enabled", "false")).andExpect(redirectedUrl("/system/users/" + admin.id()));
        assertThat(accounts.byId(admin.id()).orElseThrow().roles()).containsExactly("SYS_ADMIN");
        assertThat(accounts.byId(admin.id()).orElseThrow().enabled()).isTrue();
    }

    private static String secret(String page) {
        Matcher m = Pattern.compile("<code class=\"secret\">([^<]+)</code>").matcher(page);
        assertThat(m.find()).as("initial password shown").isTrue();
        // the page escapes symbols such as '&' in the password, as a browser would unescape them
        return org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1));
    }
}

package org.linyunzhi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.identity.RegionDirectory;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The users page's region tree, through whatever {@link RegionDirectory} the platform has. Until the
 * grid module provides one, this test lends the running context a three-node directory for its own
 * duration and takes it back afterwards.
 */
@IntegrationTest
@AutoConfigureMockMvc
class RegionTreeTest {

    @Autowired MockMvc mvc;
    @Autowired ConfigurableApplicationContext context;

    @Test
    void theTreeOpensOneLevelAtATimeAndUnknownCodesAreRefused() throws Exception {
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        boolean lent = context.getBeanProvider(RegionDirectory.class).getIfAvailable() == null;
        if (lent) {
            beans.registerSingleton("lentRegionDirectory", new ThreeNodes());
        }
        try {
            RegionDirectory directory = context.getBean(RegionDirectory.class);
            RegionDirectory.Region root = directory.children(null).get(0);
            RegionDirectory.Region child = directory.children(root.code()).get(0);

            CurrentUser admin = new CurrentUser(UUID.randomUUID(), "tree", "Tree", Set.of("SYS_ADMIN"),
                    Set.of("system:user:view", "system:user:edit"), DataScope.all());
            mvc.perform(get("/system/users").with(as(admin))).andExpect(status().isOk())
                    .andExpect(content().string(containsString(root.name())))
                    .andExpect(content().string(containsString("/system/users/regions?parent=" + root.code())));
            mvc.perform(get("/system/users/regions").param("parent", root.code()).with(as(admin)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(child.name())))
                    .andExpect(content().string(containsString("/system/users?region=" + child.code())));

            // a user bound to the child starts the tree there
            CurrentUser cadre = new CurrentUser(UUID.randomUUID(), "c", "C", Set.of("VILLAGE_CADRE"),
                    Set.of("system:user:view", "system:user:edit"), DataScope.region(child.code()));
            mvc.perform(get("/system/users").with(as(cadre)))
                    .andExpect(content().string(containsString("/system/users?region=" + child.code())))
                    .andExpect(content().string(org.hamcrest.Matchers.not(
                            containsString("/system/users?region=" + root.code() + "\""))));

            String unknown = child.code() + "999";
            assertThat(directory.find(unknown)).isEmpty();
            mvc.perform(post("/system/users").with(as(admin)).with(csrf())
                            .param("username", "tree-" + UUID.randomUUID().toString().substring(0, 8))
                            .param("displayName", "Nowhere").param("regionCode", unknown)
                            .param("scopeKind", "REGION").param("roles", "GRID_WORKER"))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("没有这个区域编码")));
        } finally {
            if (lent) {
                beans.destroySingleton("lentRegionDirectory");
            }
        }
    }

    /** Town → village → grid, in the code layout of docs/conventions.md. */
    static final class ThreeNodes implements RegionDirectory {

        private final List<Region> nodes = List.of(
                new Region("330109107", "Test town", "TOWN", true),
                new Region("330109107201", "Test village", "VILLAGE", true),
                new Region("330109107201001", "Test grid", "GRID", false));

        @Override
        public Optional<Region> find(String code) {
            return nodes.stream().filter(n -> n.code().equals(code)).findFirst();
        }

        @Override
        public List<Region> children(String code) {
            return nodes.stream().filter(n -> code == null ? n.code().length() == 9
                    : n.code().length() > code.length() && n.code().startsWith(code)
                    && nodes.stream().noneMatch(m -> m.code().length() > code.length()
                    && m.code().length() < n.code().length() && n.code().startsWith(m.code()))).toList();
        }
    }
}

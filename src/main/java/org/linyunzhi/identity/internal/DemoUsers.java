package org.linyunzhi.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.identity.RegionDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo town's users: one per role, all with the published demo password and no forced change, so a
 * newcomer can sign in at once as anybody. Runs after the grid's demo loader (order 10) to bind each
 * user to a real node: the town, its first village, a grid in it and a micro-grid in that grid.
 * Exists only in the demo profile; existing names are left alone, so restarts change nothing.
 */
@Component
@Profile("demo")
@Order(20)
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "Linpu@2026";
    /** Linpu's town code, used when no region tree is loaded. */
    static final String TOWN = "330109107";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final Accounts accounts;
    private final Departments departments;
    private final Regions regions;
    private final PasswordEncoder encoder;
    private final MessageSource messages;
    private final Clock clock;

    DemoUsers(Accounts accounts, Departments departments, Regions regions, PasswordEncoder encoder,
              MessageSource messages, ObjectProvider<Clock> clock) {
        this.accounts = accounts;
        this.departments = departments;
        this.regions = regions;
        this.encoder = encoder;
        this.messages = messages;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Override
    public void run(ApplicationArguments args) {
        String town = firstChild(null, TOWN);
        String village = firstChild(town, town);
        String grid = firstChild(village, village);
        String microGrid = firstChild(grid, grid);
        UUID governance = departments.byCode("ZZB").map(Departments.Department::id).orElse(null);
        // one hash for all: the password is public anyway, and twelve BCrypt rounds would slow the start
        String hash = encoder.encode(PASSWORD);
        int created = 0;
        created += seed("admin", "SYS_ADMIN", DataScope.Kind.ALL, town, null, hash);
        created += seed("secadmin", "SECURITY_ADMIN", DataScope.Kind.ALL, town, null, hash);
        created += seed("auditor", "AUDITOR", DataScope.Kind.ALL, town, null, hash);
        created += seed("leader", "TOWN_LEADER", DataScope.Kind.ALL, town, null, hash);
        created += seed("operator", "COMMAND_OPERATOR", DataScope.Kind.ALL, town, null, hash);
        created += governance == null ? 0
                : seed("officer", "DEPT_OFFICER", DataScope.Kind.DEPARTMENT, town, governance, hash);
        created += seed("cadre", "VILLAGE_CADRE", DataScope.Kind.REGION, village, null, hash);
        created += seed("gridworker", "GRID_WORKER", DataScope.Kind.REGION, grid, null, hash);
        created += seed("microhead", "MICRO_GRID_HEAD", DataScope.Kind.REGION, microGrid, null, hash);
        created += seed("micromember", "MICRO_GRID_MEMBER", DataScope.Kind.REGION, microGrid, null, hash);
        created += seed("mediator", "MEDIATOR", DataScope.Kind.REGION, town, null, hash);
        created += seed("resident", "RESIDENT", DataScope.Kind.SELF, microGrid, null, hash);
        if (created > 0) {
            log.info("Demo users created: {} (password {}), village {}, grid {}, micro-grid {}",
                    created, PASSWORD, village, grid, microGrid);
        }
    }

    private int seed(String username, String role, DataScope.Kind kind, String region, UUID department,
                     String hash) {
        if (accounts.usernameTaken(username)) {
            return 0;
        }
        Instant now = clock.instant();
        String name = messages.getMessage("demo.user." + username, null, username, Locale.SIMPLIFIED_CHINESE);
        accounts.create(new Account(UUID.randomUUID(), username, name, hash, false, now, true, region, department,
                kind, 0, null, null, false, null, 0, Set.of(role)), now);
        return 1;
    }

    /** The first child of a node in display order, or the fallback when the tree has none. */
    private String firstChild(String parent, String fallback) {
        return regions.children(parent).stream().findFirst().map(RegionDirectory.Region::code).orElse(fallback);
    }
}

package org.linyunzhi.hazard.internal.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.identity.UserDirectory;

/** Demo users as the login would make them, and campaign requests for the inspection tests. */
final class InspectionFixtures {

    static final String[] OFFICER = {"inspection:view", "inspection:campaign"};
    static final String[] WORKER = {"inspection:view", "inspection:do"};

    private InspectionFixtures() {
    }

    /** A demo user with the given permissions: the officer bound to their department, the others to their node. */
    static CurrentUser user(UserDirectory users, String username, String... permissions) {
        UserDirectory.Person p = users.byUsername(username).orElseThrow();
        DataScope scope = p.departmentId() != null ? DataScope.department(p.departmentId(), p.regionCode().substring(0, 9))
                : DataScope.region(p.regionCode());
        return new CurrentUser(p.id(), p.username(), p.displayName(), Set.of("TEST"), Set.of(permissions), scope);
    }

    /** A town-wide reader, such as the town leader. */
    static CurrentUser leader(UserDirectory users) {
        UserDirectory.Person p = users.byUsername("leader").orElseThrow();
        return new CurrentUser(p.id(), p.username(), p.displayName(), Set.of("TOWN_LEADER"), Set.of(OFFICER),
                DataScope.all());
    }

    static CampaignRequest campaign(String name, String department, TargetRequest target, CampaignRequest.Item... items) {
        LocalDate today = LocalDate.now(CampaignIssuing.TOWN_ZONE);
        return new CampaignRequest(name, CampaignType.FIRE, department, today.minusDays(1), today.plusDays(20),
                List.of(items), target);
    }

    /**
     * A point of the campaign at a place no other running campaign visits, so that its form holds this
     * campaign's checklist alone (tests share one database, and the demo has running campaigns).
     */
    static java.util.UUID lonePoint(org.springframework.jdbc.core.simple.JdbcClient jdbc, java.util.UUID campaign) {
        return jdbc.sql("""
                SELECT p.id FROM hazard_inspection_point p WHERE p.campaign_id = :c AND NOT EXISTS (
                  SELECT 1 FROM hazard_inspection_point q JOIN hazard_campaign k ON k.id = q.campaign_id
                   WHERE q.place_id = p.place_id AND q.campaign_id <> p.campaign_id AND k.status = 'ACTIVE'
                     AND k.ends_on >= current_date)
                 ORDER BY p.region_code, p.name LIMIT 1""").param("c", campaign).query(java.util.UUID.class).single();
    }

    /**
     * A micro-grid of the grid worker's grid with houses that no test campaign has taken yet, so that
     * each test works on places of its own.
     */
    static String freeMicroGrid(org.springframework.jdbc.core.simple.JdbcClient jdbc, org.linyunzhi.grid.GridApi grid,
                                org.linyunzhi.registry.RegistryApi registry, String gridCode) {
        for (var node : grid.descendants(gridCode, org.linyunzhi.grid.RegionLevel.MICRO_GRID)) {
            boolean taken = jdbc.sql("""
                    SELECT EXISTS (SELECT 1 FROM hazard_inspection_point p JOIN hazard_campaign c ON c.id = p.campaign_id
                                    WHERE p.region_code = :r AND c.created_by IS NOT NULL)""")
                    .param("r", node.code()).query(Boolean.class).single();
            if (!taken && registry.count(new org.linyunzhi.registry.PlaceFilter(org.linyunzhi.registry.PlaceKind.HOUSE,
                    null, null, null, node.code(), null, null, null)) >= 2) {
                return node.code();
            }
        }
        throw new IllegalStateException("no free micro-grid left in " + gridCode);
    }

    static TargetRequest region(String kind, String regionCode) {
        return new TargetRequest(kind, null, null, null, regionCode, null, null);
    }
}

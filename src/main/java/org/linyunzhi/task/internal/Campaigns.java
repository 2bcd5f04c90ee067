package org.linyunzhi.task.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored campaigns (专项行动). A reader sees a campaign when at least one of its tasks lies in their
 * scope, and its figures count only those tasks: a village cadre follows a town-wide campaign in
 * their village.
 */
@Repository
class Campaigns {

    private static final String COLUMNS = """
            c.id, c.name, c.description, c.type, c.priority, c.deadline, c.scope_code, c.scope_level, c.whole_subtree,
            c.issuer_user_id, c.issuer_name, c.issuer_department_name, c.task_count, c.created_at""";

    private final JdbcClient jdbc;

    Campaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Campaign(UUID id, String name, String description, TaskType type, TaskPriority priority, Instant deadline,
                    String scopeCode, RegionLevel scopeLevel, boolean wholeSubtree, UUID issuerUserId, String issuerName,
                    String issuerDepartmentName, int taskCount, Instant createdAt) {
    }

    void insert(Campaign c, Issuer issuer) {
        jdbc.sql("""
                        INSERT INTO task_campaign (id, name, description, type, priority, deadline, scope_code, scope_level,
                            whole_subtree, issuer_user_id, issuer_name, issuer_department_id, issuer_department_name,
                            task_count, created_at)
                        VALUES (:id, :name, :description, :type, :priority, :deadline, :scope, :level, :whole, :issuer,
                            :issuerName, :department, :departmentName, :count, :created)
                        """)
                .param("id", c.id()).param("name", c.name()).param("description", c.description())
                .param("type", c.type().name()).param("priority", c.priority().name())
                .param("deadline", Tasks.timestamp(c.deadline())).param("scope", c.scopeCode())
                .param("level", c.scopeLevel().name()).param("whole", c.wholeSubtree())
                .param("issuer", issuer.userId(), java.sql.Types.OTHER).param("issuerName", issuer.name())
                .param("department", issuer.departmentId(), java.sql.Types.OTHER)
                .param("departmentName", issuer.departmentName(), java.sql.Types.VARCHAR)
                .param("count", c.taskCount()).param("created", Tasks.timestamp(c.createdAt()))
                .update();
    }

    /** The campaigns with tasks in the scope, newest first. */
    List<Campaign> visible(DataScope scope, int limit) {
        DataScope.SqlPredicate in = Tasks.inScope(scope);
        return jdbc.sql("SELECT " + COLUMNS + " FROM task_campaign c WHERE EXISTS (SELECT 1 FROM task t WHERE "
                        + "t.campaign_id = c.id AND " + in.sql() + ") ORDER BY c.created_at DESC LIMIT :limit")
                .params(in.params()).param("limit", limit).query(Campaigns::campaign).list();
    }

    Optional<Campaign> find(UUID id, DataScope scope) {
        DataScope.SqlPredicate in = Tasks.inScope(scope);
        return jdbc.sql("SELECT " + COLUMNS + " FROM task_campaign c WHERE c.id = :id AND EXISTS (SELECT 1 FROM task t "
                        + "WHERE t.campaign_id = c.id AND " + in.sql() + ")")
                .param("id", id).params(in.params()).query(Campaigns::campaign).optional();
    }

    /** One line of progress: the tasks of a campaign in one node and state. */
    record Count(String regionCode, TaskState state, boolean overdue, long tasks) {
    }

    List<Count> counts(UUID campaignId, DataScope scope, Instant now) {
        DataScope.SqlPredicate in = Tasks.inScope(scope);
        return jdbc.sql("""
                        SELECT t.region_code, t.state,
                               (t.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED')
                                AND t.deadline < :now) AS overdue,
                               count(*) AS tasks
                          FROM task t
                         WHERE t.campaign_id = :id AND """ + " " + in.sql() + """
                         GROUP BY 1, 2, 3
                        """)
                .param("id", campaignId).param("now", Tasks.timestamp(now)).params(in.params())
                .query((rs, n) -> new Count(rs.getString(1), TaskState.valueOf(rs.getString(2)), rs.getBoolean(3),
                        rs.getLong(4)))
                .list();
    }

    private static Campaign campaign(ResultSet rs, int row) throws SQLException {
        return new Campaign(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                TaskType.valueOf(rs.getString("type")), TaskPriority.valueOf(rs.getString("priority")),
                Tasks.instant(rs, "deadline"), rs.getString("scope_code"), RegionLevel.valueOf(rs.getString("scope_level")),
                rs.getBoolean("whole_subtree"), rs.getObject("issuer_user_id", UUID.class), rs.getString("issuer_name"),
                rs.getString("issuer_department_name"), rs.getInt("task_count"), Tasks.instant(rs, "created_at"));
    }
}

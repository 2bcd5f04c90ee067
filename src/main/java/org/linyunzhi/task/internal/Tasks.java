package org.linyunzhi.task.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored tasks and their timelines. Reads go through the reader's data scope; a save succeeds
 * only if nobody changed the task since it was read (optimistic locking on {@code version}).
 */
@Repository
class Tasks {

    static final String COLUMNS = """
            t.id, t.number, t.name, t.description, t.type, t.source, t.source_ref, t.campaign_id, t.state, t.priority,
            t.deadline, t.region_code, t.region_name, t.assignee_staff_id, t.assignee_name, t.assignee_user_id,
            t.issuer_user_id, t.issuer_name, t.issuer_department_id, t.issuer_department_name, t.lon, t.lat,
            t.overdue, t.urge_count, t.checked_in_at, t.check_in_lon, t.check_in_lat, t.check_in_node,
            t.check_in_outside, t.result, t.submitted_at, t.return_reason, t.closed_at, t.created_at, t.updated_at,
            t.version""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Tasks(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The predicate every read and write of tasks is restricted by. */
    static DataScope.SqlPredicate inScope(DataScope scope) {
        return scope.predicate("t.region_code", "t.issuer_user_id", "t.issuer_department_id");
    }

    Optional<Task> find(UUID id, DataScope scope) {
        DataScope.SqlPredicate in = inScope(scope);
        return jdbc.sql("SELECT " + COLUMNS + " FROM task t WHERE t.id = :id AND " + in.sql())
                .param("id", id).params(in.params()).query(Tasks::task).optional();
    }

    Optional<Task> findByNumber(String number, DataScope scope) {
        DataScope.SqlPredicate in = inScope(scope);
        return jdbc.sql("SELECT " + COLUMNS + " FROM task t WHERE t.number = :number AND " + in.sql())
                .param("number", number).params(in.params()).query(Tasks::task).optional();
    }

    /** Inserts new tasks in batches, every column as the aggregate holds it, then their timeline entries. */
    void insert(List<Task> tasks) {
        batch.batchUpdate("""
                INSERT INTO task (id, number, name, description, type, source, source_ref, campaign_id, state, priority,
                    deadline, region_code, region_name, assignee_staff_id, assignee_name, assignee_user_id,
                    issuer_user_id, issuer_name, issuer_department_id, issuer_department_name, lon, lat,
                    overdue, urge_count, checked_in_at, check_in_lon, check_in_lat, check_in_node, check_in_outside,
                    result, submitted_at, return_reason, closed_at, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                """, tasks, 1000, (ps, t) -> {
            Assignee a = t.assignee();
            Task.CheckIn c = t.checkIn();
            ps.setObject(1, t.id());
            ps.setString(2, t.number());
            ps.setString(3, t.name());
            ps.setString(4, t.description());
            ps.setString(5, t.type().name());
            ps.setString(6, t.source().name());
            ps.setString(7, t.sourceRef());
            ps.setObject(8, t.campaignId());
            ps.setString(9, t.state().name());
            ps.setString(10, t.priority().name());
            ps.setTimestamp(11, timestamp(t.deadline()));
            ps.setString(12, t.regionCode());
            ps.setString(13, t.regionName());
            ps.setObject(14, a == null ? null : a.staffId());
            ps.setString(15, a == null ? null : a.name());
            ps.setObject(16, a == null ? null : a.userId());
            ps.setObject(17, t.issuer().userId());
            ps.setString(18, t.issuer().name());
            ps.setObject(19, t.issuer().departmentId());
            ps.setString(20, t.issuer().departmentName());
            setDouble(ps, 21, t.lon());
            setDouble(ps, 22, t.lat());
            ps.setBoolean(23, t.overdue());
            ps.setInt(24, t.urgeCount());
            ps.setTimestamp(25, timestamp(c == null ? null : c.at()));
            setDouble(ps, 26, c == null ? null : c.lon());
            setDouble(ps, 27, c == null ? null : c.lat());
            ps.setString(28, c == null ? null : c.nodeCode());
            if (c == null) {
                ps.setNull(29, Types.BOOLEAN);
            } else {
                ps.setBoolean(29, c.outside());
            }
            ps.setString(30, t.result());
            ps.setTimestamp(31, timestamp(t.submittedAt()));
            ps.setString(32, t.returnReason());
            ps.setTimestamp(33, timestamp(t.closedAt()));
            ps.setTimestamp(34, timestamp(t.createdAt()));
            ps.setTimestamp(35, timestamp(t.updatedAt()));
        });
        appendTimelines(tasks);
    }

    /**
     * Saves the task's changes if its version is still the one read; false when somebody else saved
     * first (the caller reports who). The state, the people and the work fields are all written.
     */
    boolean update(Task t) {
        Assignee a = t.assignee();
        Task.CheckIn c = t.checkIn();
        int rows = jdbc.sql("""
                        UPDATE task SET state = :state, region_code = :region, region_name = :regionName,
                            assignee_staff_id = :staff, assignee_name = :assigneeName, assignee_user_id = :assigneeUser,
                            overdue = :overdue, urge_count = :urges, checked_in_at = :checkedInAt,
                            check_in_lon = :checkInLon, check_in_lat = :checkInLat, check_in_node = :checkInNode,
                            check_in_outside = :checkInOutside, result = :result, submitted_at = :submittedAt,
                            return_reason = :returnReason, closed_at = :closedAt, updated_at = :updatedAt,
                            version = version + 1
                         WHERE id = :id AND version = :version
                        """)
                .param("state", t.state().name()).param("region", t.regionCode()).param("regionName", t.regionName())
                .param("staff", a == null ? null : a.staffId(), Types.OTHER)
                .param("assigneeName", a == null ? null : a.name())
                .param("assigneeUser", a == null ? null : a.userId(), Types.OTHER)
                .param("overdue", t.overdue()).param("urges", t.urgeCount())
                .param("checkedInAt", timestamp(c == null ? null : c.at()), Types.TIMESTAMP)
                .param("checkInLon", c == null ? null : c.lon(), Types.DOUBLE)
                .param("checkInLat", c == null ? null : c.lat(), Types.DOUBLE)
                .param("checkInNode", c == null ? null : c.nodeCode(), Types.VARCHAR)
                .param("checkInOutside", c == null ? null : c.outside(), Types.BOOLEAN)
                .param("result", t.result(), Types.VARCHAR)
                .param("submittedAt", timestamp(t.submittedAt()), Types.TIMESTAMP)
                .param("returnReason", t.returnReason(), Types.VARCHAR)
                .param("closedAt", timestamp(t.closedAt()), Types.TIMESTAMP)
                .param("updatedAt", timestamp(t.updatedAt()))
                .param("id", t.id()).param("version", t.version())
                .update();
        if (rows == 0) {
            return false;
        }
        appendTimelines(List.of(t));
        return true;
    }

    private void appendTimelines(List<Task> tasks) {
        record Row(UUID taskId, TimelineEntry e) {
        }
        List<Row> rows = new ArrayList<>();
        for (Task t : tasks) {
            t.newEntries().forEach(e -> rows.add(new Row(t.id(), e)));
            t.newEntries().clear();
        }
        batch.batchUpdate("""
                INSERT INTO task_timeline (task_id, at, actor_user_id, actor_name, action, from_state, to_state, comment, flag)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows, 1000, (ps, r) -> {
            ps.setObject(1, r.taskId());
            ps.setTimestamp(2, timestamp(r.e().at()));
            ps.setObject(3, r.e().actorUserId());
            ps.setString(4, r.e().actorName());
            ps.setString(5, r.e().action().name());
            ps.setString(6, r.e().fromState() == null ? null : r.e().fromState().name());
            ps.setString(7, r.e().toState().name());
            ps.setString(8, r.e().comment());
            ps.setString(9, r.e().flag());
        });
    }

    List<TimelineEntry> timeline(UUID taskId) {
        return jdbc.sql("""
                        SELECT at, actor_user_id, actor_name, action, from_state, to_state, comment, flag
                          FROM task_timeline WHERE task_id = :id ORDER BY id
                        """)
                .param("id", taskId).query(Tasks::entry).list();
    }

    Optional<TimelineEntry> lastEntry(UUID taskId) {
        return jdbc.sql("""
                        SELECT at, actor_user_id, actor_name, action, from_state, to_state, comment, flag
                          FROM task_timeline WHERE task_id = :id AND action <> 'URGE' ORDER BY id DESC LIMIT 1
                        """)
                .param("id", taskId).query(Tasks::entry).optional();
    }

    static Task task(ResultSet rs, int row) throws SQLException {
        UUID staff = rs.getObject("assignee_staff_id", UUID.class);
        UUID assigneeUser = rs.getObject("assignee_user_id", UUID.class);
        String assigneeName = rs.getString("assignee_name");
        Assignee assignee = staff == null && assigneeUser == null ? null : new Assignee(staff, assigneeName, assigneeUser);
        Instant checkedIn = instant(rs, "checked_in_at");
        Task.CheckIn checkIn = checkedIn == null ? null : new Task.CheckIn(checkedIn, nullableDouble(rs, "check_in_lon"),
                nullableDouble(rs, "check_in_lat"), rs.getString("check_in_node"), rs.getBoolean("check_in_outside"));
        return new Task(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("name"),
                rs.getString("description"), TaskType.valueOf(rs.getString("type")),
                TaskSource.valueOf(rs.getString("source")), rs.getString("source_ref"),
                rs.getObject("campaign_id", UUID.class), TaskState.valueOf(rs.getString("state")),
                TaskPriority.valueOf(rs.getString("priority")), instant(rs, "deadline"), rs.getString("region_code"),
                rs.getString("region_name"), assignee,
                new Issuer(rs.getObject("issuer_user_id", UUID.class), rs.getString("issuer_name"),
                        rs.getObject("issuer_department_id", UUID.class), rs.getString("issuer_department_name")),
                nullableDouble(rs, "lon"), nullableDouble(rs, "lat"), rs.getBoolean("overdue"), rs.getInt("urge_count"),
                checkIn, rs.getString("result"), instant(rs, "submitted_at"), rs.getString("return_reason"),
                instant(rs, "closed_at"), instant(rs, "created_at"), instant(rs, "updated_at"), rs.getInt("version"));
    }

    private static TimelineEntry entry(ResultSet rs, int row) throws SQLException {
        String from = rs.getString("from_state");
        return new TimelineEntry(instant(rs, "at"), rs.getObject("actor_user_id", UUID.class), rs.getString("actor_name"),
                TaskAction.valueOf(rs.getString("action")), from == null ? null : TaskState.valueOf(from),
                TaskState.valueOf(rs.getString("to_state")), rs.getString("comment"), rs.getString("flag"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static void setDouble(java.sql.PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }
}

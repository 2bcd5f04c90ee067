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

    /** Every column of a new task as the aggregate holds it; the version starts at the table's default 0. */
    private static final ArrayInsert<Task> NEW_TASKS = new ArrayInsert<>("task", List.of(
            column("id", "uuid", Task::id), column("number", "text", Task::number),
            column("name", "text", Task::name), column("description", "text", Task::description),
            column("type", "text", Task::type), column("source", "text", Task::source),
            column("source_ref", "text", Task::sourceRef), column("campaign_id", "uuid", Task::campaignId),
            column("state", "text", Task::state), column("priority", "text", Task::priority),
            column("deadline", "timestamptz", Task::deadline), column("region_code", "text", Task::regionCode),
            column("region_name", "text", Task::regionName),
            column("assignee_staff_id", "uuid", t -> t.assignee() == null ? null : t.assignee().staffId()),
            column("assignee_name", "text", t -> t.assignee() == null ? null : t.assignee().name()),
            column("assignee_user_id", "uuid", Task::assigneeUserId),
            column("issuer_user_id", "uuid", t -> t.issuer().userId()),
            column("issuer_name", "text", t -> t.issuer().name()),
            column("issuer_department_id", "uuid", t -> t.issuer().departmentId()),
            column("issuer_department_name", "text", t -> t.issuer().departmentName()),
            column("lon", "float8", Task::lon), column("lat", "float8", Task::lat),
            column("overdue", "boolean", Task::overdue), column("urge_count", "int", Task::urgeCount),
            column("checked_in_at", "timestamptz", t -> t.checkIn() == null ? null : t.checkIn().at()),
            column("check_in_lon", "float8", t -> t.checkIn() == null ? null : t.checkIn().lon()),
            column("check_in_lat", "float8", t -> t.checkIn() == null ? null : t.checkIn().lat()),
            column("check_in_node", "text", t -> t.checkIn() == null ? null : t.checkIn().nodeCode()),
            column("check_in_outside", "boolean", t -> t.checkIn() == null ? null : t.checkIn().outside()),
            column("result", "text", Task::result), column("submitted_at", "timestamptz", Task::submittedAt),
            column("return_reason", "text", Task::returnReason), column("closed_at", "timestamptz", Task::closedAt),
            column("created_at", "timestamptz", Task::createdAt), column("updated_at", "timestamptz", Task::updatedAt)));

    private record Step(UUID taskId, TimelineEntry entry) {
    }

    private static final ArrayInsert<Step> NEW_STEPS = new ArrayInsert<>("task_timeline", List.of(
            column("task_id", "uuid", Step::taskId), column("at", "timestamptz", s -> s.entry().at()),
            column("actor_user_id", "uuid", s -> s.entry().actorUserId()),
            column("actor_name", "text", s -> s.entry().actorName()),
            column("action", "text", s -> s.entry().action()),
            column("from_state", "text", s -> s.entry().fromState()),
            column("to_state", "text", s -> s.entry().toState()),
            column("comment", "text", s -> s.entry().comment()), column("flag", "text", s -> s.entry().flag())));

    private static <T> ArrayInsert.Column<T> column(String name, String type, java.util.function.Function<T, Object> value) {
        return new ArrayInsert.Column<>(name, type, value);
    }

    /**
     * Inserts new tasks, then their timeline entries: one statement each however many tasks there
     * are (a campaign to every micro-grid is two statements, not 1,700).
     */
    void insert(List<Task> tasks) {
        NEW_TASKS.insert(batch, tasks);
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
        List<Step> steps = new ArrayList<>();
        for (Task t : tasks) {
            t.newEntries().forEach(e -> steps.add(new Step(t.id(), e)));
            t.newEntries().clear();
        }
        NEW_STEPS.insert(batch, steps);
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
}

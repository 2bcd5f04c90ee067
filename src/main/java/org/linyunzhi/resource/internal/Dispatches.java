package org.linyunzhi.resource.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.identity.UserDirectory;
import org.linyunzhi.resource.ResourceKind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dispatch records: a resource sent to a hazard or an event, moved through {@link DispatchStatus}
 * with optimistic locking, each move a timeline step. A rescue team's status follows its dispatch
 * (DEPLOYED while out, ON_DUTY when back), as does a warehouse's (DISPATCHED, READY); a shelter
 * named for an event keeps its own open/closed state, which the people running it set.
 */
@Component
class Dispatches {

    static final Set<String> TARGET_KINDS = Set.of("HAZARD", "EVENT");
    static final int NOTE_MAX = 500;

    private final JdbcClient jdbc;
    private final Places places;
    private final UserDirectory users;
    private final Clock clock;

    Dispatches(JdbcClient jdbc, Places places, UserDirectory users, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.places = places;
        this.users = users;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    record Dispatch(UUID id, UUID resourceId, ResourceKind resourceKind, String resourceName, String regionCode,
                    String targetKind, UUID targetId, String note, DispatchStatus status, Instant dispatchedAt,
                    Instant closedAt, int version) {
    }

    record Step(int seq, DispatchStatus from, DispatchStatus to, String byName, Instant at, String comment) {
    }

    /** Sends a resource; refuses an unknown target kind, a team off duty or a resource already out. */
    @Transactional
    UUID dispatch(UUID resourceId, String targetKind, UUID targetId, String note, UUID byUserId, DataScope scope) {
        if (targetKind == null || !TARGET_KINDS.contains(targetKind)) {
            throw ResourceRefused.badInput("targetKind", "resource.error.targetKind");
        }
        if (targetId == null) {
            throw ResourceRefused.badInput("targetId", "resource.error.targetId");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > NOTE_MAX) {
            throw ResourceRefused.badInput("note", "resource.error.note", NOTE_MAX);
        }
        if (resourceId == null) {
            throw ResourceRefused.badInput("resourceId", "resource.error.resourceId");
        }
        // callers know the resource by id only; its kind says which table and which status follows
        ResourceKind kind = places.kindOf(resourceId).orElseThrow(ResourceRefused::notFound);
        Places.Row resource = places.row(kind, resourceId, scope).orElseThrow(ResourceRefused::notFound);
        if (kind == ResourceKind.RESCUE_TEAM && "OFF".equals(resource.status())) {
            throw ResourceRefused.conflict("resource.error.teamOff", resource.name());
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                            INSERT INTO resource_dispatch (id, resource_id, resource_kind, resource_name, region_code,
                                target_kind, target_id, note, status, dispatched_at, dispatched_by)
                            VALUES (:id, :resource, :kind, :name, :region, :targetKind, :targetId, :note,
                                'DISPATCHED', :at, :by)""")
                    .param("id", id).param("resource", resourceId).param("kind", kind.name())
                    .param("name", resource.name()).param("region", resource.regionCode())
                    .param("targetKind", targetKind).param("targetId", targetId).param("note", cleanNote)
                    .param("at", Timestamp.from(now)).param("by", byUserId).update();
        } catch (DuplicateKeyException alreadyOut) {
            // the partial unique index, not a read before the insert: two dispatchers at once cannot both win
            throw ResourceRefused.conflict("resource.error.alreadyOut", resource.name());
        }
        step(id, 1, null, DispatchStatus.DISPATCHED, byUserId, now, cleanNote);
        followResource(kind, resourceId, DispatchStatus.DISPATCHED);
        return id;
    }

    /**
     * Moves a dispatch on. {@code expectedVersion} (null: whatever is current) guards against two
     * people moving it at once: the second gets a conflict naming the state it is now in.
     */
    @Transactional
    Dispatch move(UUID dispatchId, DispatchStatus to, Integer expectedVersion, String comment, UUID byUserId,
                  DataScope scope) {
        if (to == null) {
            throw ResourceRefused.badInput("status", "resource.error.status");
        }
        String cleanComment = comment == null || comment.isBlank() ? null : comment.strip();
        if (cleanComment != null && cleanComment.length() > NOTE_MAX) {
            throw ResourceRefused.badInput("comment", "resource.error.note", NOTE_MAX);
        }
        Dispatch d = find(dispatchId, scope).orElseThrow(ResourceRefused::notFound);
        if (expectedVersion != null && expectedVersion != d.version()) {
            throw ResourceRefused.conflict("resource.error.version", d.status().name());
        }
        if (!d.status().canMoveTo(to)) {
            throw ResourceRefused.conflict("resource.error.transition", d.status().name(), to.name());
        }
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                        UPDATE resource_dispatch SET status = :to, version = version + 1,
                            closed_at = CASE WHEN :closing THEN :at ELSE closed_at END
                        WHERE id = :id AND version = :version""")
                .param("to", to.name()).param("closing", !to.isOpen()).param("at", Timestamp.from(now))
                .param("id", dispatchId).param("version", d.version()).update();
        if (changed == 0) {
            // someone moved it between our read and our write
            throw ResourceRefused.conflict("resource.error.version", find(dispatchId, scope).map(x -> x.status().name())
                    .orElse(d.status().name()));
        }
        // the row is ours since the versioned update succeeded, so the next step number cannot clash
        int seq = jdbc.sql("SELECT coalesce(max(seq), 0) + 1 FROM resource_dispatch_step WHERE dispatch_id = :id")
                .param("id", dispatchId).query(Integer.class).single();
        step(dispatchId, seq, d.status(), to, byUserId, now, cleanComment);
        followResource(d.resourceKind(), d.resourceId(), to);
        return find(dispatchId, scope).orElseThrow();
    }

    Optional<Dispatch> find(UUID id, DataScope scope) {
        DataScope.SqlPredicate inScope = scope.predicate("d.region_code");
        return jdbc.sql("SELECT d.* FROM resource_dispatch d WHERE d.id = :id AND " + inScope.sql())
                .params(inScope.params()).param("id", id).query(Dispatches::dispatch).optional();
    }

    /** The dispatches of one resource, newest first. */
    List<Dispatch> ofResource(UUID resourceId, int limit) {
        return jdbc.sql("SELECT d.* FROM resource_dispatch d WHERE d.resource_id = :id ORDER BY d.dispatched_at DESC LIMIT :limit")
                .param("id", resourceId).param("limit", limit).query(Dispatches::dispatch).list();
    }

    /** Dispatches in scope, open ones first, then newest first. */
    List<Dispatch> list(DataScope scope, boolean openOnly, int limit) {
        DataScope.SqlPredicate inScope = scope.predicate("d.region_code");
        return jdbc.sql("SELECT d.* FROM resource_dispatch d WHERE " + inScope.sql()
                        + (openOnly ? " AND d.status IN ('DISPATCHED', 'ARRIVED')" : "")
                        + " ORDER BY d.status IN ('DISPATCHED', 'ARRIVED') DESC, d.dispatched_at DESC LIMIT :limit")
                .params(inScope.params()).param("limit", limit).query(Dispatches::dispatch).list();
    }

    List<Step> timeline(UUID dispatchId) {
        return jdbc.sql("SELECT * FROM resource_dispatch_step WHERE dispatch_id = :id ORDER BY seq")
                .param("id", dispatchId)
                .query((rs, i) -> new Step(rs.getInt("seq"),
                        rs.getString("from_status") == null ? null : DispatchStatus.valueOf(rs.getString("from_status")),
                        DispatchStatus.valueOf(rs.getString("to_status")), rs.getString("by_name"),
                        rs.getTimestamp("at").toInstant(), rs.getString("comment")))
                .list();
    }

    private void step(UUID dispatchId, int seq, DispatchStatus from, DispatchStatus to, UUID byUserId, Instant at,
                      String comment) {
        String byName = byUserId == null ? null
                : users.byId(byUserId).map(UserDirectory.Person::displayName).orElse(null);
        jdbc.sql("""
                        INSERT INTO resource_dispatch_step (dispatch_id, seq, from_status, to_status, by_user, by_name, at, comment)
                        VALUES (:id, :seq, :from, :to, :by, :byName, :at, :comment)""")
                .param("id", dispatchId).param("seq", seq).param("from", from == null ? null : from.name())
                .param("to", to.name()).param("by", byUserId).param("byName", byName)
                .param("at", Timestamp.from(at)).param("comment", comment).update();
    }

    /** A team is DEPLOYED while out and ON_DUTY once back; a warehouse DISPATCHED, then READY. */
    private void followResource(ResourceKind kind, UUID resourceId, DispatchStatus status) {
        String sql = switch (kind) {
            case RESCUE_TEAM -> "UPDATE resource_team SET status = :s, version = version + 1, updated_at = now() WHERE id = :id";
            case WAREHOUSE -> "UPDATE resource_warehouse SET status = :s, version = version + 1, updated_at = now() WHERE id = :id";
            case SHELTER -> null;
        };
        if (sql == null) {
            return;
        }
        String s = switch (kind) {
            case RESCUE_TEAM -> status.isOpen() ? "DEPLOYED" : "ON_DUTY";
            default -> status.isOpen() ? "DISPATCHED" : "READY";
        };
        jdbc.sql(sql).param("s", s).param("id", resourceId).update();
    }

    private static Dispatch dispatch(ResultSet rs, int i) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Dispatch(rs.getObject("id", UUID.class), rs.getObject("resource_id", UUID.class),
                ResourceKind.valueOf(rs.getString("resource_kind")), rs.getString("resource_name"),
                rs.getString("region_code"), rs.getString("target_kind"), rs.getObject("target_id", UUID.class),
                rs.getString("note"), DispatchStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("dispatched_at").toInstant(), closed == null ? null : closed.toInstant(),
                rs.getInt("version"));
    }
}

package org.linyunzhi.task.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Results sent from the phone, exactly once. The phone makes an idempotency key when the worker
 * presses "submit" and keeps it with the submission until the server has answered, so a resend after
 * a dropped network carries the same key. The key is claimed first, in the submitting transaction:
 * a second request with it waits for the first to finish and is then answered with the first
 * result; nothing is stored twice.
 */
@Service
class Submissions {

    private final JdbcClient jdbc;
    private final TaskLifecycle lifecycle;
    private final PhotoStore photos;
    private final TaskProperties properties;
    private final Tasks tasks;

    Submissions(JdbcClient jdbc, TaskLifecycle lifecycle, PhotoStore photos, TaskProperties properties, Tasks tasks) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
        this.photos = photos;
        this.properties = properties;
        this.tasks = tasks;
    }

    record Photo(UUID id, String fileName, String contentType, long size, Double exifLon, Double exifLat, Instant takenAt) {
    }

    /** What the phone is told, the first time and on every repeat. */
    record Outcome(UUID submissionId, UUID taskId, String number, String state, int taskVersion, Instant submittedAt,
                   List<Photo> photos, boolean repeated) {
    }

    @Transactional
    Outcome submit(UUID taskId, UUID key, Integer version, CurrentUser user, String result, List<MultipartFile> files) {
        if (key == null) {
            throw TaskRefused.badInput("idempotencyKey", "task.error.keyRequired");
        }
        List<MultipartFile> given = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
        if (given.size() > properties.photosPerSubmission()) {
            throw TaskRefused.badInput("photos", "task.error.tooManyPhotos", properties.photosPerSubmission());
        }
        tasks.find(taskId, user.scope()).orElseThrow(TaskRefused::notFound);
        // all checks before the first write, so a refused photo leaves nothing behind
        List<PhotoStore.Kind> kinds = new ArrayList<>();
        for (MultipartFile f : given) {
            kinds.add(photos.check(f, "photos"));
        }
        UUID submissionId = UUID.randomUUID();
        Instant now = lifecycle.now();
        boolean claimed = jdbc.sql("""
                        INSERT INTO task_submission (id, task_id, idempotency_key, result, submitted_by, submitted_at, task_version)
                        VALUES (:id, :task, :key, :result, :by, :at, -1)
                        ON CONFLICT (idempotency_key) DO NOTHING
                        """)
                .param("id", submissionId).param("task", taskId).param("key", key)
                .param("result", TaskRules.blankToNull(result)).param("by", user.id())
                .param("at", Tasks.timestamp(now)).update() == 1;
        if (!claimed) {
            return repeat(taskId, key, user);
        }
        Task task = lifecycle.submit(taskId, version, user, result);
        List<Photo> stored = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            PhotoStore.StoredPhoto p = photos.store(given.get(i), kinds.get(i));
            jdbc.sql("""
                            INSERT INTO task_attachment (id, task_id, submission_id, file_name, content_type, size_bytes, sha256,
                                storage_path, exif_lon, exif_lat, taken_at, uploaded_by, uploaded_at)
                            VALUES (:id, :task, :submission, :name, :type, :size, :sha, :path, :lon, :lat, :taken, :by, :at)
                            """)
                    .param("id", p.id()).param("task", taskId).param("submission", submissionId)
                    .param("name", p.fileName()).param("type", p.kind().contentType).param("size", p.size())
                    .param("sha", p.sha256()).param("path", p.storagePath())
                    .param("lon", p.exifLon(), java.sql.Types.DOUBLE).param("lat", p.exifLat(), java.sql.Types.DOUBLE)
                    .param("taken", Tasks.timestamp(p.takenAt()), java.sql.Types.TIMESTAMP)
                    .param("by", user.id()).param("at", Tasks.timestamp(now)).update();
            stored.add(new Photo(p.id(), p.fileName(), p.kind().contentType, p.size(), p.exifLon(), p.exifLat(), p.takenAt()));
        }
        int newVersion = task.version() + 1;
        jdbc.sql("UPDATE task_submission SET task_version = :v WHERE id = :id")
                .param("v", newVersion).param("id", submissionId).update();
        return new Outcome(submissionId, taskId, task.number(), task.state().name(), newVersion, now, stored, false);
    }

    /** The first answer again; a key reused for another task, or by another person, is refused. */
    private Outcome repeat(UUID taskId, UUID key, CurrentUser user) {
        record Claimed(UUID id, UUID taskId, UUID submittedBy, Instant submittedAt, int taskVersion) {
        }
        Claimed first = jdbc.sql("""
                        SELECT id, task_id, submitted_by, submitted_at, task_version FROM task_submission
                         WHERE idempotency_key = :key
                        """)
                .param("key", key)
                .query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), Tasks.instant(rs, "submitted_at"), rs.getInt(5)))
                .single();
        if (!first.taskId().equals(taskId) || !first.submittedBy().equals(user.id())) {
            throw new TaskRefused(TaskRefused.Kind.CONFLICT, "task.error.keyReused", "idempotencyKey");
        }
        Task task = tasks.find(taskId, user.scope()).orElseThrow(TaskRefused::notFound);
        return new Outcome(first.id(), taskId, task.number(), TaskState.SUBMITTED.name(), first.taskVersion(),
                first.submittedAt(), photosOf(first.id()), true);
    }

    List<Photo> photosOf(UUID submissionId) {
        return jdbc.sql("""
                        SELECT id, file_name, content_type, size_bytes, exif_lon, exif_lat, taken_at FROM task_attachment
                         WHERE submission_id = :id ORDER BY uploaded_at, file_name
                        """)
                .param("id", submissionId)
                .query((rs, n) -> new Photo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4),
                        (Double) rs.getObject(5), (Double) rs.getObject(6), Tasks.instant(rs, "taken_at")))
                .list();
    }

    /** A task's photos with the submission they came with, newest submission first. */
    record Attachment(UUID id, UUID submissionId, String fileName, String contentType, long size, String storagePath,
                      Double exifLon, Double exifLat, Instant takenAt, Instant uploadedAt) {
    }

    List<Attachment> attachments(UUID taskId) {
        return jdbc.sql("""
                        SELECT id, submission_id, file_name, content_type, size_bytes, storage_path, exif_lon, exif_lat,
                               taken_at, uploaded_at
                          FROM task_attachment WHERE task_id = :task ORDER BY uploaded_at DESC, file_name
                        """)
                .param("task", taskId)
                .query((rs, n) -> new Attachment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getString(6), (Double) rs.getObject(7), (Double) rs.getObject(8),
                        Tasks.instant(rs, "taken_at"), Tasks.instant(rs, "uploaded_at")))
                .list();
    }

    Optional<Attachment> attachment(UUID taskId, UUID attachmentId) {
        return attachments(taskId).stream().filter(a -> a.id().equals(attachmentId)).findFirst();
    }
}

package org.linyunzhi.hazard.internal.inspection;

import org.linyunzhi.hazard.internal.hazards.HazardPhotos;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Photos of visits, kept in the database beside the visit so that a visit and its evidence commit
 * or roll back together. What a photo is comes from its first bytes, never from its name or the
 * browser's word: only JPEG, PNG and WebP pass, as in the task module's photo store.
 */
@Repository
class InspectionPhotos {

    static final int MAX_PHOTOS = 6;
    static final int MAX_BYTES = 8 * 1024 * 1024;

    record Stored(String contentType, byte[] bytes) {
    }

    private final JdbcClient jdbc;

    InspectionPhotos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Refuses the whole set before anything is written. */
    static void check(List<VisitForm.Photo> photos) {
        if (photos.size() > MAX_PHOTOS) {
            throw InspectionRefused.badInput("photos", "inspection.error.tooManyPhotos", MAX_PHOTOS);
        }
        for (VisitForm.Photo p : photos) {
            if (p.bytes().length > MAX_BYTES) {
                throw InspectionRefused.tooLarge("photos", "inspection.error.photoTooLarge", p.fileName(), MAX_BYTES / 1024 / 1024);
            }
            if (contentType(p.bytes()) == null) {
                throw InspectionRefused.badInput("photos", "inspection.error.photoType", p.fileName());
            }
        }
    }

    /** JPEG, PNG or WebP as the hazard photos accept them; null for anything else. */
    static String contentType(byte[] bytes) {
        return HazardPhotos.contentTypeOf(bytes);
    }

    void store(UUID inspectionId, List<VisitForm.Photo> photos, Instant at) {
        for (VisitForm.Photo p : photos) {
            jdbc.sql("""
                    INSERT INTO hazard_inspection_photo (id, inspection_id, content_type, bytes, created_at)
                    VALUES (:id, :inspection, :type, :bytes, :at)""")
                    .param("id", UUID.randomUUID()).param("inspection", inspectionId)
                    .param("type", contentType(p.bytes())).param("bytes", p.bytes()).param("at", Timestamp.from(at))
                    .update();
        }
    }

    /** A photo, when one of the points its visit covered is in the reader's scope. */
    Optional<Stored> find(UUID photoId, DataScope scope) {
        DataScope.SqlPredicate in = scope.predicate("p.region_code");
        return jdbc.sql("SELECT ph.content_type, ph.bytes FROM hazard_inspection_photo ph"
                        + " WHERE ph.id = :id AND EXISTS (SELECT 1 FROM hazard_inspection_visit_point v"
                        + " JOIN hazard_inspection_point p ON p.id = v.point_id"
                        + " WHERE v.inspection_id = ph.inspection_id AND " + in.sql() + ")")
                .params(in.params()).param("id", photoId)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getBytes(2))).optional();
    }
}

package org.linyunzhi.hazard.internal.hazards;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Photos of a finding and of its rectification, kept in the database so that every app node serves
 * them and a rolled-back report leaves no file behind. What a photo is comes from its first bytes,
 * never from its name or the browser's content type: only JPEG, PNG and WebP pass. A photo is stored
 * first (unattached) and attached to the hazard when the report or the evidence is saved. Public so
 * that inspection can store the photos of its findings.
 */
@Component
public class HazardPhotos {

    public enum Stage { FOUND, EVIDENCE }

    /** A photo's description, without its bytes. */
    public record Photo(UUID id, Stage stage, String fileName, String contentType, int size, java.time.Instant at) {
    }

    public record Content(String contentType, byte[] bytes) {
    }

    /** At most this many photos go with one report or one piece of evidence. */
    public static final int MAX_PER_STEP = 6;

    private final JdbcClient jdbc;
    private final DataSize maxSize;

    HazardPhotos(JdbcClient jdbc, @Value("${linyunzhi.hazard.photo-max-size:10MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.maxSize = maxSize;
    }

    public DataSize maxSize() {
        return maxSize;
    }

    /**
     * Stores a photo not yet attached to a hazard and answers its id.
     *
     * @throws HazardRefused naming {@code field} when the file is empty, too large or not a photo
     */
    public UUID store(byte[] content, String fileName, Stage stage, UUID by, String field) {
        if (content == null || content.length == 0) {
            throw HazardRefused.badInput(field, "hazard.error.photoEmpty", fileName);
        }
        if (content.length > maxSize.toBytes()) {
            throw new HazardRefused(HazardRefused.Kind.TOO_LARGE, "hazard.error.photoTooLarge", field, fileName,
                    maxSize.toMegabytes());
        }
        String type = contentTypeOf(content);
        if (type == null) {
            throw HazardRefused.badInput(field, "hazard.error.photoType", fileName);
        }
        UUID id = UUID.randomUUID();
        String name = fileName == null || fileName.isBlank() ? id.toString()
                : java.nio.file.Path.of(fileName).getFileName().toString();
        jdbc.sql("""
                        INSERT INTO hazard_photo (id, stage, file_name, content_type, size_bytes, content, uploaded_by)
                        VALUES (:id, :stage, :name, :type, :size, :content, :by)""")
                .param("id", id).param("stage", stage.name()).param("name", name.length() > 200 ? name.substring(0, 200) : name)
                .param("type", type).param("size", content.length).param("content", content).param("by", by)
                .update();
        return id;
    }

    private static final Set<FileType> ACCEPTED = Set.of(FileType.Jpeg, FileType.Png, FileType.WebP);

    /**
     * The content type the file's signature announces (metadata-extractor's detector reads the head),
     * or null for anything but JPEG, PNG and WebP. Public for the inspection visits of this module.
     */
    public static String contentTypeOf(byte[] content) {
        try {
            FileType type = FileTypeDetector.detectFileType(new ByteArrayInputStream(content));
            return ACCEPTED.contains(type) ? type.getMimeType() : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    /**
     * Attaches stored, still unattached photos of the stage to a hazard; an id that is unknown,
     * attached elsewhere, of another stage or uploaded by someone else than {@code by} (when given) is
     * refused, so nobody can move someone else's photo.
     */
    void attach(Collection<UUID> ids, UUID hazardId, Stage stage, String field, UUID by) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        if (ids.size() > MAX_PER_STEP) {
            throw HazardRefused.badInput(field, "hazard.error.photoCount", MAX_PER_STEP);
        }
        String sql = """
                UPDATE hazard_photo SET hazard_id = :hazard
                WHERE id IN (:ids) AND hazard_id IS NULL AND stage = :stage""";
        var update = jdbc.sql(by == null ? sql : sql + " AND uploaded_by = :by")
                .param("hazard", hazardId).param("ids", List.copyOf(ids)).param("stage", stage.name());
        int attached = (by == null ? update : update.param("by", by)).update();
        if (attached != new java.util.HashSet<>(ids).size()) {
            throw HazardRefused.badInput(field, "hazard.error.photoUnknown");
        }
    }

    List<Photo> of(UUID hazardId) {
        return jdbc.sql("""
                        SELECT id, stage, file_name, content_type, size_bytes, uploaded_at FROM hazard_photo
                        WHERE hazard_id = :hazard ORDER BY uploaded_at, id""")
                .param("hazard", hazardId)
                .query((rs, n) -> new Photo(rs.getObject("id", UUID.class), Stage.valueOf(rs.getString("stage")),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    /** A photo's bytes, when it belongs to that hazard. */
    Optional<Content> content(UUID hazardId, UUID photoId) {
        return jdbc.sql("SELECT content_type, content FROM hazard_photo WHERE id = :id AND hazard_id = :hazard")
                .param("id", photoId).param("hazard", hazardId)
                .query((rs, n) -> new Content(rs.getString(1), rs.getBytes(2))).optional();
    }
}

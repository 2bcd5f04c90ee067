package org.linyunzhi.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The import jobs table. A job is seen only by the person who started it. */
@Repository
class Imports {

    private static final String COLUMNS = "id, kind, department, file_name, status, total_rows, processed_rows, "
            + "preview::text AS preview, failure, created_by, created_by_name, created_at, finished_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Imports(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void create(UUID id, ImportKind kind, Department department, String fileName, byte[] fileCipher, UUID by,
                String byName) {
        jdbc.sql("INSERT INTO registry_import (id, kind, department, file_name, status, file_cipher, created_by, "
                        + "created_by_name) VALUES (:id, :kind, :department, :file, 'PARSING', :cipher, :by, :byName)")
                .param("id", id).param("kind", kind.name()).param("department", department.name())
                .param("file", fileName).param("cipher", fileCipher).param("by", by).param("byName", byName).update();
    }

    void progress(UUID id, int total, int processed) {
        jdbc.sql("UPDATE registry_import SET total_rows = :total, processed_rows = :done WHERE id = :id")
                .param("total", total).param("done", processed).param("id", id).update();
    }

    void analysed(UUID id, ImportJob.Status status, ImportPreview preview) {
        jdbc.sql("UPDATE registry_import SET status = :status, processed_rows = total_rows, preview = CAST(:preview AS jsonb), "
                        + "finished_at = now() WHERE id = :id")
                .param("status", status.name()).param("preview", json.writeValueAsString(preview)).param("id", id).update();
    }

    void failed(UUID id, String failure) {
        jdbc.sql("UPDATE registry_import SET status = 'FAILED', failure = :failure, file_cipher = NULL, finished_at = now() "
                + "WHERE id = :id").param("failure", failure).param("id", id).update();
    }

    /** Moves a job from one status to another; false when it was not in the expected one (a double click, a race). */
    boolean move(UUID id, ImportJob.Status from, ImportJob.Status to) {
        return jdbc.sql("UPDATE registry_import SET status = :to WHERE id = :id AND status = :from")
                .param("to", to.name()).param("from", from.name()).param("id", id).update() == 1;
    }

    /** The job is done with its file: the upload's copy is dropped. */
    void close(UUID id, ImportJob.Status status) {
        jdbc.sql("UPDATE registry_import SET status = :status, file_cipher = NULL, finished_at = now() WHERE id = :id")
                .param("status", status.name()).param("id", id).update();
    }

    Optional<byte[]> file(UUID id) {
        return jdbc.sql("SELECT file_cipher FROM registry_import WHERE id = :id AND file_cipher IS NOT NULL")
                .param("id", id).query((rs, n) -> rs.getBytes(1)).optional();
    }

    Optional<ImportJob> find(UUID id, UUID owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry_import WHERE id = :id AND created_by = :owner")
                .param("id", id).param("owner", owner).query(this::job).optional();
    }

    List<ImportJob> recent(UUID owner, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry_import WHERE created_by = :owner "
                        + "ORDER BY created_at DESC LIMIT " + limit)
                .param("owner", owner).query(this::job).list();
    }

    private ImportJob job(ResultSet rs, int row) throws SQLException {
        String preview = rs.getString("preview");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportJob(rs.getObject("id", UUID.class), ImportKind.valueOf(rs.getString("kind")),
                Department.valueOf(rs.getString("department")), rs.getString("file_name"),
                ImportJob.Status.valueOf(rs.getString("status")), rs.getInt("total_rows"), rs.getInt("processed_rows"),
                preview == null ? null : json.readValue(preview, ImportPreview.class), rs.getString("failure"),
                rs.getObject("created_by", UUID.class), rs.getString("created_by_name"),
                rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}

package org.linyunzhi.registry.internal;

import java.time.Instant;
import java.util.UUID;

/** One department file's import as the pages and the API see it (never the file itself). */
record ImportJob(UUID id, ImportKind kind, Department department, String fileName, Status status, int totalRows,
                 int processedRows, ImportPreview preview, String failure, UUID createdBy, String createdByName,
                 Instant createdAt, Instant finishedAt) {

    enum Status {
        /** being read and checked in the background */
        PARSING,
        /** checked, no row errors: may be committed */
        READY,
        /** checked, some rows have errors: nothing can be committed */
        INVALID,
        COMMITTING,
        COMMITTED,
        /** the background check itself failed (e.g. the node stopped) */
        FAILED,
        CANCELLED;

        boolean finished() {
            return this != PARSING && this != COMMITTING;
        }
    }

    /** Whole percent of rows checked, for the progress bar. */
    public int percent() {
        return totalRows == 0 ? (status == Status.PARSING ? 0 : 100) : Math.min(100, processedRows * 100 / totalRows);
    }
}

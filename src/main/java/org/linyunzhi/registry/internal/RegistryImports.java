package org.linyunzhi.registry.internal;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import workflow: upload (checked at once: an xlsx of the right template, not too large) →
 * background analysis with progress on the job row → preview → commit, which analyses the file
 * again against what is stored now and writes everything in one transaction or nothing.
 */
@Service
class RegistryImports {

    static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(RegistryImports.class);

    private final Imports imports;
    private final ImportAnalyser analyser;
    private final PiiCipher cipher;
    private final Houses houses;
    private final Organisations organisations;
    private final Residents residents;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final RegistryProperties properties;
    // two files checked at once per node: an import is rare and CPU-bound, the machine is shared
    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "registry-import");
        t.setDaemon(true);
        return t;
    });

    RegistryImports(Imports imports, ImportAnalyser analyser, PiiCipher cipher, Houses houses,
                    Organisations organisations, Residents residents, MessageSource messages,
                    TransactionTemplate transaction, RegistryProperties properties) {
        this.imports = imports;
        this.analyser = analyser;
        this.cipher = cipher;
        this.houses = houses;
        this.organisations = organisations;
        this.residents = residents;
        this.messages = messages;
        this.transaction = transaction;
        this.properties = properties;
    }

    /** Accepts a file for analysis and returns the job id; refuses a file that is not a template xlsx at once. */
    UUID start(ImportKind kind, Department department, String fileName, byte[] file, CurrentUser user) {
        if (file.length > MAX_BYTES) {
            throw new ImportRefused(HttpStatus.CONTENT_TOO_LARGE, "registry.import.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        if (file.length == 0) {
            throw new ImportRefused(HttpStatus.BAD_REQUEST, "registry.import.empty");
        }
        // the cheap checks (type, header, size) answer the upload itself; rows are checked in the background
        List<ImportSheet.SheetRow> rows = read(file, kind);
        UUID id = UUID.randomUUID();
        imports.create(id, kind, department, clip(fileName), cipher.encrypt(PiiCipher.Field.UPLOAD, file), user.id(),
                user.displayName());
        imports.progress(id, rows.size(), 0);
        DataScope scope = user.scope();
        background.submit(() -> analyseInBackground(id, kind, department, rows, scope));
        return id;
    }

    private void analyseInBackground(UUID id, ImportKind kind, Department department, List<ImportSheet.SheetRow> rows,
                                     DataScope scope) {
        try {
            ImportPlan plan = analyser.analyse(kind, department, rows, scope, done -> imports.progress(id, rows.size(), done));
            imports.analysed(id, plan.committable() ? ImportJob.Status.READY : ImportJob.Status.INVALID,
                    ImportPreview.of(plan));
        } catch (RuntimeException e) {
            log.error("Registry import {} could not be analysed", id, e);
            imports.failed(id, e.getClass().getSimpleName());
        }
    }

    /**
     * Writes the file: analysed again against the records as they are now (another import may have
     * landed since the preview), all rows or none.
     *
     * @throws ImportRefused 409 when the job is not ready or the file no longer imports cleanly
     */
    ImportPreview commit(UUID id, CurrentUser user) {
        ImportJob job = imports.find(id, user.id()).orElseThrow(() -> new ImportRefused(HttpStatus.NOT_FOUND,
                "registry.import.notFound"));
        return transaction.execute(status -> {
            if (!imports.move(id, ImportJob.Status.READY, ImportJob.Status.COMMITTING)) {
                throw new ImportRefused(HttpStatus.CONFLICT, "registry.import.notReady", job.status().name());
            }
            byte[] file = cipher.decryptBytes(PiiCipher.Field.UPLOAD, imports.file(id).orElseThrow());
            ImportPlan plan = analyser.analyse(job.kind(), job.department(), read(file, job.kind()), user.scope(), n -> {
            });
            ImportPreview preview = ImportPreview.of(plan);
            if (!plan.committable()) {
                throw new StaleImport(preview);
            }
            houses.insert(plan.newHouses);
            houses.update(plan.mergedHouses);
            organisations.insert(plan.newOrganisations);
            organisations.update(plan.mergedOrganisations);
            residents.insert(plan.newResidents);
            residents.update(plan.mergedResidents);
            imports.analysed(id, ImportJob.Status.COMMITTED, preview);
            imports.close(id, ImportJob.Status.COMMITTED);
            log.info("Registry import {} committed by {}: {} added, {} merged", id, user.username(), plan.added(),
                    plan.merged());
            return preview;
        });
    }

    /** Records why a commit found row errors the preview did not have, after the transaction rolled back. */
    void markInvalid(UUID id, ImportPreview preview) {
        imports.analysed(id, ImportJob.Status.INVALID, preview);
    }

    void cancel(UUID id, CurrentUser user) {
        ImportJob job = imports.find(id, user.id()).orElseThrow(() -> new ImportRefused(HttpStatus.NOT_FOUND,
                "registry.import.notFound"));
        if (job.status() == ImportJob.Status.COMMITTED || job.status() == ImportJob.Status.COMMITTING) {
            throw new ImportRefused(HttpStatus.CONFLICT, "registry.import.notReady", job.status().name());
        }
        imports.close(id, ImportJob.Status.CANCELLED);
    }

    private List<ImportSheet.SheetRow> read(byte[] file, ImportKind kind) {
        return ImportSheet.read(file, kind, properties.maxImportRows(), locale -> headers(kind, locale));
    }

    /** The template's header row in a locale; required columns carry a star. */
    List<String> headers(ImportKind kind, Locale locale) {
        return kind.columns().stream().map(c -> messages.getMessage("registry.column." + c.name(), null, locale)
                + (c.required() ? "*" : "")).toList();
    }

    private static String clip(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "upload.xlsx" : fileName.strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** The file changed verdict between preview and commit; carries the new preview. */
    static final class StaleImport extends RuntimeException {
        final transient ImportPreview preview;

        StaleImport(ImportPreview preview) {
            super("the file no longer imports cleanly");
            this.preview = preview;
        }
    }
}

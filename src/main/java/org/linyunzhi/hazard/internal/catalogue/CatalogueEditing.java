package org.linyunzhi.hazard.internal.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the catalogue by admins: one category from a form, or many from a spreadsheet. Either
 * way the change is published as one new catalogue version; an import with any bad row publishes
 * nothing and reports every bad row. Also reads the version history and what each version changed.
 */
@Service
class CatalogueEditing {

    static final int MAX_NOTE = 500;

    /** A row's problem for the import report; {@code row} is the sheet's row number (header = 1). */
    record RowProblem(int row, String code, CategoryRules.Problem problem) {
    }

    /** What an import did, or why it did nothing. */
    record ImportReport(int rows, Integer version, int added, int changed, int deactivated, List<RowProblem> problems,
                        boolean unreadable) {
        public boolean published() {
            return version != null;
        }
    }

    record VersionSummary(int version, Instant publishedAt, String publishedBy, String source, String note, int added,
                          int changed, int deactivated) {
    }

    /** One category's change in a version, with its state before (null when added). */
    record Change(String code, String kind, Category before, Category after) {
        /** The fields that differ, for the history page. */
        public List<String> fields() {
            if (before == null) {
                return List.of();
            }
            List<String> f = new ArrayList<>();
            if (!before.name().equals(after.name())) {
                f.add("name");
            }
            if (before.defaultLevel() != after.defaultLevel()) {
                f.add("level");
            }
            if (!before.department().equals(after.department())) {
                f.add("department");
            }
            if (before.timeLimitDays() != after.timeLimitDays()) {
                f.add("days");
            }
            if (!java.util.Objects.equals(before.description(), after.description())) {
                f.add("description");
            }
            if (before.active() != after.active()) {
                f.add("active");
            }
            return f;
        }
    }

    private final Catalogue catalogue;
    private final CataloguePublisher publisher;
    private final CatalogueWorkbook workbook;
    private final JdbcClient jdbc;

    CatalogueEditing(Catalogue catalogue, CataloguePublisher publisher, CatalogueWorkbook workbook, JdbcClient jdbc) {
        this.catalogue = catalogue;
        this.publisher = publisher;
        this.workbook = workbook;
        this.jdbc = jdbc;
    }

    /** Adds or changes one category as a new version; nothing is published when nothing differs. */
    @Transactional
    CataloguePublisher.Published save(CategoryRules.Draft draft, String note, CurrentUser by) {
        List<CategoryRules.Problem> problems = new ArrayList<>();
        checkNote(note, problems);
        Category category = CategoryRules.check(draft, classByPrefix(), problems);
        if (!problems.isEmpty()) {
            throw new CatalogueRefused(problems);
        }
        return publisher.publish(List.of(category), CataloguePublisher.Source.EDIT, CategoryRules.trim(note), by.id(),
                by.displayName());
    }

    /**
     * Imports a workbook: every row checked (and codes unique within the file) before anything is
     * written; then the rows that differ from the catalogue are published as one version. Categories
     * not in the file stay as they are.
     */
    @Transactional
    ImportReport importFile(InputStream in, String note, CurrentUser by) {
        List<CatalogueWorkbook.Line> lines;
        try {
            lines = workbook.read(in);
        } catch (IOException e) {
            return new ImportReport(0, null, 0, 0, 0, List.of(), true);
        }
        Map<String, String> prefixes = classByPrefix();
        List<RowProblem> problems = new ArrayList<>();
        List<CategoryRules.Problem> noteProblems = new ArrayList<>();
        checkNote(note, noteProblems);
        noteProblems.forEach(p -> problems.add(new RowProblem(0, null, p)));
        List<Category> drafts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CatalogueWorkbook.Line line : lines) {
            List<CategoryRules.Problem> rowProblems = new ArrayList<>();
            Category category = CategoryRules.check(line.draft(), prefixes, rowProblems);
            String code = CategoryRules.trim(line.draft().code());
            if (code != null && !seen.add(code)) {
                rowProblems.add(new CategoryRules.Problem("code", "hazard.catalogue.error.codeTwice", code));
            }
            rowProblems.forEach(p -> problems.add(new RowProblem(line.row(), code, p)));
            if (rowProblems.isEmpty()) {
                drafts.add(category);
            }
        }
        if (lines.isEmpty()) {
            problems.add(new RowProblem(0, null, new CategoryRules.Problem("file", "hazard.catalogue.error.empty")));
        }
        if (!problems.isEmpty()) {
            return new ImportReport(lines.size(), null, 0, 0, 0, problems, false);
        }
        CataloguePublisher.Published published = publisher.publish(drafts, CataloguePublisher.Source.IMPORT,
                CategoryRules.trim(note), by.id(), by.displayName());
        return new ImportReport(lines.size(), published.version().orElse(null), published.added(), published.changed(),
                published.deactivated(), List.of(), false);
    }

    List<VersionSummary> versions() {
        return jdbc.sql("""
                        SELECT version, published_at, published_by_name, source, note, added, changed, deactivated
                        FROM hazard_catalogue_version ORDER BY version DESC""")
                .query((rs, n) -> new VersionSummary(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)))
                .list();
    }

    /** What a version changed, category by category, each with its state in the version before. */
    List<Change> changes(int version) {
        List<Change> changes = new ArrayList<>();
        Map<String, String> kinds = new HashMap<>();
        List<Category> after = jdbc.sql("""
                        SELECT code, class_code, name, default_level, department, time_limit_days, description, active,
                               catalogue_version, change_kind FROM hazard_category_revision
                        WHERE catalogue_version = :version ORDER BY code""")
                .param("version", version)
                .query((rs, n) -> {
                    kinds.put(rs.getString("code"), rs.getString("change_kind"));
                    return Catalogue.map(rs, n);
                }).list();
        for (Category a : after) {
            Category before = version > 1 ? catalogue.categoryAsOf(a.code(), version - 1).orElse(null) : null;
            changes.add(new Change(a.code(), kinds.get(a.code()), before, a));
        }
        return changes;
    }

    private Map<String, String> classByPrefix() {
        return catalogue.classes().stream().collect(Collectors.toMap(HazardClass::prefix, HazardClass::code));
    }

    private static void checkNote(String note, List<CategoryRules.Problem> problems) {
        if (note != null && note.length() > MAX_NOTE) {
            problems.add(new CategoryRules.Problem("note", "hazard.catalogue.error.tooLong", MAX_NOTE));
        }
    }
}

package org.linyunzhi.hazard.internal.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes a change of the catalogue as a new version: every category that differs from the
 * current one gets a revision row in the new version and replaces the current row. Categories are
 * never deleted, only deactivated, so hazards filed under them keep a name. Publishing locks the
 * version table, so two admins publishing at once get consecutive versions, never the same number.
 */
@Component
class CataloguePublisher {

    enum Source { SEED, EDIT, IMPORT }

    /** What one publication did; {@code version} is empty when nothing differed. */
    record Published(Optional<Integer> version, int added, int changed, int deactivated) {
    }

    private final JdbcClient jdbc;
    private final Catalogue catalogue;

    CataloguePublisher(JdbcClient jdbc, Catalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    /**
     * Publishes the drafts (new or changed categories; their version stamps are ignored) as one
     * version. Drafts equal to the current category are skipped; when none differ no version is made.
     */
    @Transactional
    Published publish(List<Category> drafts, Source source, String note, UUID by, String byName) {
        jdbc.sql("LOCK TABLE hazard_catalogue_version IN EXCLUSIVE MODE").update();
        Map<String, Category> current = catalogue.categories().stream()
                .collect(Collectors.toMap(Category::code, Function.identity()));
        List<Category> differing = new ArrayList<>();
        int added = 0;
        int changed = 0;
        int deactivated = 0;
        for (Category draft : drafts) {
            Category before = current.get(draft.code());
            if (draft.sameContentAs(before)) {
                continue;
            }
            differing.add(draft);
            if (before == null) {
                added++;
            } else if (before.active() && !draft.active()) {
                deactivated++;
            } else {
                changed++;
            }
        }
        if (differing.isEmpty()) {
            return new Published(Optional.empty(), 0, 0, 0);
        }
        int version = catalogue.currentVersion() + 1;
        jdbc.sql("""
                        INSERT INTO hazard_catalogue_version (version, published_by, published_by_name, source, note,
                                                              added, changed, deactivated)
                        VALUES (:version, :by, :byName, :source, :note, :added, :changed, :deactivated)""")
                .param("version", version).param("by", by).param("byName", byName).param("source", source.name())
                .param("note", note).param("added", added).param("changed", changed).param("deactivated", deactivated)
                .update();
        for (Category draft : differing) {
            Category before = current.get(draft.code());
            String kind = before == null ? "ADDED"
                    : before.active() && !draft.active() ? "DEACTIVATED"
                    : !before.active() && draft.active() ? "REACTIVATED" : "CHANGED";
            jdbc.sql("""
                            INSERT INTO hazard_category_revision (code, catalogue_version, change_kind, class_code, name,
                                   default_level, department, time_limit_days, description, active)
                            VALUES (:code, :version, :kind, :classCode, :name, :level, :department, :days, :description,
                                    :active)""")
                    .params(params(draft, version)).param("kind", kind).update();
            jdbc.sql("""
                            INSERT INTO hazard_category (code, class_code, name, default_level, department, time_limit_days,
                                                         description, active, catalogue_version)
                            VALUES (:code, :classCode, :name, :level, :department, :days, :description, :active, :version)
                            ON CONFLICT (code) DO UPDATE SET class_code = EXCLUDED.class_code, name = EXCLUDED.name,
                                default_level = EXCLUDED.default_level, department = EXCLUDED.department,
                                time_limit_days = EXCLUDED.time_limit_days, description = EXCLUDED.description,
                                active = EXCLUDED.active, catalogue_version = EXCLUDED.catalogue_version""")
                    .params(params(draft, version)).update();
        }
        return new Published(Optional.of(version), added, changed, deactivated);
    }

    private static Map<String, Object> params(Category c, int version) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("code", c.code());
        p.put("version", version);
        p.put("classCode", c.classCode());
        p.put("name", c.name());
        p.put("level", c.defaultLevel().number());
        p.put("department", c.department());
        p.put("days", c.timeLimitDays());
        p.put("description", c.description());
        p.put("active", c.active());
        return p;
    }
}

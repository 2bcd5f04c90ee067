package org.linyunzhi.registry.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What analysing a department file found: the problems that stop it, the conflicts with stored
 * records, and the writes a commit would make. Only the lists of the file's kind are filled.
 */
final class ImportPlan {

    final ImportKind kind;
    final Department department;
    final List<RowProblem> problems = new ArrayList<>();
    final List<Conflict> conflicts = new ArrayList<>();
    final List<House> newHouses = new ArrayList<>();
    final List<House> mergedHouses = new ArrayList<>();
    final List<Organisation> newOrganisations = new ArrayList<>();
    final List<Organisation> mergedOrganisations = new ArrayList<>();
    final List<Resident> newResidents = new ArrayList<>();
    final List<Resident> mergedResidents = new ArrayList<>();
    int rows;
    int unchanged;
    /** Rows at the same coordinates are routed once per file (GridApi.locate also reads rosters). */
    final java.util.Map<String, java.util.Optional<Placement.Place>> placements = new java.util.HashMap<>();

    ImportPlan(ImportKind kind, Department department) {
        this.kind = kind;
        this.department = department;
    }

    void problem(int row, String column, String code, Object... args) {
        problems.add(new RowProblem(row, column, code, args));
    }

    int added() {
        return newHouses.size() + newOrganisations.size() + newResidents.size();
    }

    int merged() {
        return mergedHouses.size() + mergedOrganisations.size() + mergedResidents.size();
    }

    /** Rows with at least one conflict, for the preview's "to merge with conflicts" count. */
    int conflictingRows() {
        return (int) conflicts.stream().mapToInt(Conflict::row).distinct().count();
    }

    boolean committable() {
        return problems.isEmpty();
    }
}

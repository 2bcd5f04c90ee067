package org.linyunzhi.registry.internal;

import java.util.List;

/**
 * What the preview page and the API show of an analysed file. Long lists are cut at
 * {@link #SHOWN}; the counts are always whole.
 */
record ImportPreview(int rows, int added, int merged, int unchanged, int conflictingRows, int problemCount,
                     int conflictCount, List<RowProblem> problems, List<Conflict> conflicts) {

    static final int SHOWN = 1000;

    static ImportPreview of(ImportPlan plan) {
        return new ImportPreview(plan.rows, plan.added(), plan.merged(), plan.unchanged, plan.conflictingRows(),
                plan.problems.size(), plan.conflicts.size(),
                List.copyOf(plan.problems.subList(0, Math.min(SHOWN, plan.problems.size()))),
                List.copyOf(plan.conflicts.subList(0, Math.min(SHOWN, plan.conflicts.size()))));
    }
}

package org.linyunzhi.hazard.internal.catalogue;

import java.util.List;

/** A catalogue change refused for what was typed: every problem found, each naming its field. */
class CatalogueRefused extends RuntimeException {

    final transient List<CategoryRules.Problem> problems;

    CatalogueRefused(List<CategoryRules.Problem> problems) {
        super(problems.isEmpty() ? "refused" : problems.get(0).key() + " (" + problems.get(0).field() + ")");
        this.problems = List.copyOf(problems);
    }
}

package org.linyunzhi.grid.internal.map;

import java.util.List;

/** A base-map upload that was refused; nothing was stored. */
public class BaseLayerImportException extends RuntimeException {

    private final boolean tooLarge;
    private final transient List<BaseLayerImport.ImportProblem> problems;

    BaseLayerImportException(boolean tooLarge, List<BaseLayerImport.ImportProblem> problems) {
        super(problems.size() + " problem(s) in the base-map upload, first: " + problems.get(0).messageKey());
        this.tooLarge = tooLarge;
        this.problems = problems;
    }

    boolean tooLarge() {
        return tooLarge;
    }

    List<BaseLayerImport.ImportProblem> problems() {
        return problems;
    }
}

package org.linyunzhi.grid.internal;

import java.util.List;
import java.util.stream.Collectors;

/** An import refused as a whole; nothing was stored. Carries every problem found. */
public class RegionTreeImportException extends RuntimeException {

    private final transient List<ImportProblem> problems;

    public RegionTreeImportException(List<ImportProblem> problems) {
        super(problems.size() + " problem(s) in the region tree: " + problems.stream().limit(10)
                .map(p -> p.message() == null ? p.type().name() : p.message())
                .collect(Collectors.joining("; ")) + (problems.size() > 10 ? "; ..." : ""));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    /** Whether the payload was refused for its size alone (answered with 413). */
    public boolean tooLarge() {
        return problems.size() == 1 && problems.get(0).type() == ImportProblem.Type.PAYLOAD_TOO_LARGE;
    }
}

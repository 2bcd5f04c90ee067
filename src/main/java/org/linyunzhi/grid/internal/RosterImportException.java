package org.linyunzhi.grid.internal;

import java.util.List;

/** A roster import refused as a whole; each problem names the entry (0-based) and what is wrong. */
public class RosterImportException extends RuntimeException {

    private final transient List<String> problems;

    public RosterImportException(List<String> problems) {
        super(problems.size() + " problem(s) in the roster: " + String.join("; ", problems.subList(0, Math.min(10, problems.size())))
                + (problems.size() > 10 ? "; ..." : ""));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

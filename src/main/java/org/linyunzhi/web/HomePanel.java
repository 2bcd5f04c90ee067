package org.linyunzhi.web;

import java.util.Map;
import org.linyunzhi.identity.CurrentUser;

/**
 * A panel of the home dashboard, contributed by a module: the shell lays the panels out in order
 * and knows nothing of their data, so modules depend on the shell and never the other way round.
 */
public interface HomePanel {

    /** Position on the page, smaller first. */
    int order();

    /** Whether this user sees the panel at all (typically a permission check). */
    boolean visibleTo(CurrentUser user);

    /** The Thymeleaf fragment to render, e.g. {@code "grid/home :: panel"}. */
    String fragment();

    /** The model the fragment reads, computed for this user and scope. */
    Map<String, Object> model(CurrentUser user);
}

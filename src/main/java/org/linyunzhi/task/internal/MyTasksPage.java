package org.linyunzhi.task.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "My tasks" on the phone: the tasks whose assignee is the signed-in user, directly or through the
 * roster person linked to the account, by state, newest change first. Open states are the tabs a
 * worker lives in; the closed ones are one tap away.
 */
@Controller
@RequestMapping("/task/my")
class MyTasksPage {

    static final String VIEW = "task/my";
    static final List<TaskState> TABS = List.of(TaskState.DISPATCHED, TaskState.ACCEPTED, TaskState.IN_PROGRESS,
            TaskState.RETURNED, TaskState.SUBMITTED, TaskState.APPROVED);

    private final TaskLifecycle lifecycle;
    private final TaskSearch search;
    private final JdbcClient jdbc;

    MyTasksPage(TaskLifecycle lifecycle, TaskSearch search, JdbcClient jdbc) {
        this.lifecycle = lifecycle;
        this.search = search;
        this.jdbc = jdbc;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('task:do')")
    String mine(@RequestParam(required = false) TaskState state, @RequestParam(defaultValue = "0") int page,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        Actor actor = lifecycle.actor(user);
        model.addAttribute("page", search.search(TaskFilter.none().withState(state).withSort("updated,desc"), user.scope(),
                actor.staffIds(), user.id(), page, 30, lifecycle.now()));
        model.addAttribute("state", state);
        model.addAttribute("tabs", TABS);
        model.addAttribute("counts", counts(actor));
        return VIEW;
    }

    /** How many of my tasks are in each state, for the tab badges; one grouped query. */
    private Map<TaskState, Long> counts(Actor actor) {
        Map<TaskState, Long> counts = new EnumMap<>(TaskState.class);
        var in = Tasks.inScope(actor.scope());
        jdbc.sql("SELECT t.state, count(*) FROM task t WHERE " + in.sql()
                        + " AND (t.assignee_user_id = :user OR t.assignee_staff_id = ANY(:staff)) GROUP BY t.state")
                .params(in.params()).param("user", actor.userId())
                .param("staff", actor.staffIds().toArray(java.util.UUID[]::new))
                .query((java.sql.ResultSet rs) -> {
                    counts.put(TaskState.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }
}

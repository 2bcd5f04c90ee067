package org.linyunzhi.task.internal;

/**
 * Which actions a task's page offers the reader: what the transition table allows in the task's
 * state, what the reader's permissions allow, and their part in the task (the assignee works on it,
 * somebody else reviews it). The server checks again on every action; this only avoids showing
 * buttons that would be refused.
 */
record TaskChoices(boolean dispatch, boolean accept, boolean checkIn, boolean submit, boolean review, boolean forward,
                   boolean reassign, boolean cancel, boolean urge) {

    static TaskChoices of(Task task, Actor actor) {
        TaskState s = task.state();
        boolean assignee = actor.isAssignee(task.assignee());
        boolean issuer = actor.userId() != null && actor.userId().equals(task.issuer().userId());
        return new TaskChoices(
                allowed(TaskAction.DISPATCH, s, actor),
                allowed(TaskAction.ACCEPT, s, actor) && (assignee || task.assignee() == null),
                allowed(TaskAction.CHECK_IN, s, actor) && assignee,
                allowed(TaskAction.SUBMIT, s, actor) && assignee,
                allowed(TaskAction.APPROVE, s, actor) && !assignee,
                allowed(TaskAction.FORWARD, s, actor),
                allowed(TaskAction.REASSIGN, s, actor) && (issuer || actor.can("task:review")),
                TaskAction.CANCEL.allowedFrom(s) && (issuer || actor.can("task:review")),
                allowed(TaskAction.URGE, s, actor) && !assignee);
    }

    private static boolean allowed(TaskAction action, TaskState state, Actor actor) {
        return action.allowedFrom(state) && actor.can(action.permission());
    }
}

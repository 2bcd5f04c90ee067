package org.linyunzhi.task.internal;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A task operation the rules refuse, with a message key for the reader's language. The kind maps to
 * the answer: a task outside the actor's scope is "not found" (its existence is not disclosed), a
 * missing permission "forbidden", a move the state does not allow or a lost race "conflict".
 */
class TaskRefused extends RuntimeException {

    enum Kind { NOT_FOUND, FORBIDDEN, CONFLICT, BAD_INPUT, TOO_LARGE }

    final Kind kind;
    final String messageKey;
    final transient Object[] args;
    /** the input field at fault, for inline messages and problem details; may be null */
    final String field;

    TaskRefused(Kind kind, String messageKey, String field, Object... args) {
        super(messageKey);
        this.kind = kind;
        this.messageKey = messageKey;
        this.field = field;
        this.args = args;
    }

    static TaskRefused notFound() {
        return new TaskRefused(Kind.NOT_FOUND, "task.error.notFound", null);
    }

    static TaskRefused forbidden(String key) {
        return new TaskRefused(Kind.FORBIDDEN, key, null);
    }

    static TaskRefused badInput(String field, String key, Object... args) {
        return new TaskRefused(Kind.BAD_INPUT, key, field, args);
    }

    /** The action is not allowed in the task's state; says which state and which action. */
    static TaskRefused notInState(TaskAction action, TaskState state) {
        return new TaskRefused(Kind.CONFLICT, "task.error.state", null, label("task.action." + action.name()),
                label("task.state." + state.name()));
    }

    /**
     * The task moved on before this action reached it (a lost race or a stale page): names the action
     * refused, who moved the task last, what they did, and where it stands now.
     */
    static TaskRefused overtaken(TaskAction refused, TimelineEntry last, TaskState now) {
        return new TaskRefused(Kind.CONFLICT, "task.error.overtaken", null, label("task.action." + refused.name()),
                last.actorName(), label("task.action." + last.action().name()), label("task.state." + now.name()));
    }

    boolean isStateConflict() {
        return kind == Kind.CONFLICT && "task.error.state".equals(messageKey);
    }

    /** A message argument resolved in the reader's language when the message is rendered. */
    static DefaultMessageSourceResolvable label(String key) {
        return new DefaultMessageSourceResolvable(new String[] {key}, key);
    }
}

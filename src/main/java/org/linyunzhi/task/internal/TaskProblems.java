package org.linyunzhi.task.internal;

import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for the task API: 400 naming the field, 403 for a missing permission or
 * someone else's task, 404 for tasks missing or outside the reader's scope, 409 when the state moved
 * on (naming who moved it), 413 for photos over the limit. Consulted before the platform's fallback.
 */
@RestControllerAdvice(assignableTypes = {TaskApiController.class, CampaignApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaskProblems {

    private final MessageSource messages;

    TaskProblems(MessageSource messages) {
        this.messages = messages;
    }

    static HttpStatus status(TaskRefused.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case BAD_INPUT -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
        };
    }

    @ExceptionHandler
    ProblemDetail refused(TaskRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(e.kind), text(messages, e));
        problem.setType(URI.create("urn:linyunzhi:task:" + e.kind.name().toLowerCase().replace('_', '-')));
        problem.setTitle(messages.getMessage("task.problem." + e.kind.name(), null, e.kind.name(),
                LocaleContextHolder.getLocale()));
        if (e.field != null) {
            problem.setProperty("field", e.field);
        }
        return problem;
    }

    /** The refusal in the reader's language. */
    static String text(MessageSource messages, TaskRefused e) {
        return messages.getMessage(e.messageKey, e.args, e.messageKey, LocaleContextHolder.getLocale());
    }
}

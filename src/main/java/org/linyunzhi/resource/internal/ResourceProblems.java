package org.linyunzhi.resource.internal;

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
 * RFC 9457 problem details for the resource API: 400 naming the field (coordinates out of range,
 * negative or missing quantities, unknown choices), 404 for resources missing or outside the
 * caller's area, 409 for stock that is not there and dispatches moved on by someone else.
 */
@RestControllerAdvice(assignableTypes = ResourceApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ResourceProblems {

    private final MessageSource messages;

    ResourceProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ProblemDetail refused(ResourceRefused e) {
        HttpStatus status = switch (e.kind) {
            case BAD_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(messages, e));
        problem.setType(URI.create("urn:linyunzhi:resource:" + e.kind.name().toLowerCase().replace('_', '-')));
        problem.setTitle(messages.getMessage("resource.problem." + e.kind.name(), null, e.kind.name(),
                LocaleContextHolder.getLocale()));
        if (e.field != null) {
            problem.setProperty("field", e.field);
        }
        return problem;
    }

    /** The refusal in the reader's language, for problem details and inline page messages alike. */
    static String text(MessageSource messages, ResourceRefused e) {
        return messages.getMessage(e.messageKey, e.args, e.messageKey, LocaleContextHolder.getLocale());
    }
}

package org.linyunzhi.hazard.internal.hazards;

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
 * RFC 9457 problem details for the hazard API: 400 naming the field, 403 for a missing permission
 * or another department's hazard, 404 for hazards missing or outside the reader's scope, 409 when the
 * state moved on or the version is stale, 413 for photos over the limit.
 */
@RestControllerAdvice(assignableTypes = HazardApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class HazardProblems {

    private final MessageSource messages;

    HazardProblems(MessageSource messages) {
        this.messages = messages;
    }

    static HttpStatus status(HazardRefused.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case BAD_INPUT -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
        };
    }

    @ExceptionHandler
    ProblemDetail refused(HazardRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(e.kind), text(messages, e));
        problem.setType(URI.create("urn:linyunzhi:hazard:" + e.kind.name().toLowerCase().replace('_', '-')));
        problem.setTitle(messages.getMessage("hazard.problem." + e.kind.name(), null, e.kind.name(),
                LocaleContextHolder.getLocale()));
        if (e.field != null) {
            problem.setProperty("field", e.field);
        }
        return problem;
    }

    /** The refusal in the reader's language. */
    static String text(MessageSource messages, HazardRefused e) {
        return messages.getMessage(e.messageKey, e.args, e.messageKey, LocaleContextHolder.getLocale());
    }
}

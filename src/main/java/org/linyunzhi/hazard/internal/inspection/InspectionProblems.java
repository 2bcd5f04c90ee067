package org.linyunzhi.hazard.internal.inspection;

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
 * RFC 9457 problem details for the inspection API: 400 naming the field (a bad polygon, an empty
 * target set, an unanswered item), 403 without the permission, 404 for a campaign or point that is
 * missing or outside the reader's scope, 413 for a photo over the limit.
 */
@RestControllerAdvice(assignableTypes = InspectionApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InspectionProblems {

    private final MessageSource messages;

    InspectionProblems(MessageSource messages) {
        this.messages = messages;
    }

    static HttpStatus status(InspectionRefused.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case BAD_INPUT -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
        };
    }

    @ExceptionHandler
    ProblemDetail refused(InspectionRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(e.kind), text(messages, e));
        problem.setType(URI.create("urn:linyunzhi:inspection:" + e.kind.name().toLowerCase().replace('_', '-')));
        problem.setTitle(messages.getMessage("inspection.problem." + e.kind.name(), null, e.kind.name(),
                LocaleContextHolder.getLocale()));
        if (e.field != null) {
            problem.setProperty("field", e.field);
        }
        return problem;
    }

    /** The refusal in the reader's language. */
    static String text(MessageSource messages, InspectionRefused e) {
        return messages.getMessage(e.messageKey, e.args, e.messageKey, LocaleContextHolder.getLocale());
    }
}

package org.linyunzhi.hazard.internal.onemap;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for the one map's API: 400 naming the parameter that is wrong, 404 for a
 * hazard that is missing or outside the caller's data scope (the two look the same).
 */
@RestControllerAdvice(assignableTypes = OneMapApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OneMapProblems {

    private final MessageSource messages;

    OneMapProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ProblemDetail badInput(BadMapInput e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(e.messageKey, e.args, e.messageKey, LocaleContextHolder.getLocale()));
        problem.setTitle(text("onemap.error.badInput"));
        problem.setProperty("parameter", e.parameter);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(HazardNotOnMap e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, text("onemap.error.notFound"));
        problem.setTitle(text("onemap.error.notFoundTitle"));
        return problem;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** A hazard that does not exist or lies outside the caller's data scope. */
    static class HazardNotOnMap extends RuntimeException {
        HazardNotOnMap() {
            super("hazard not found");
        }
    }
}

package org.linyunzhi.registry.internal;

import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * RFC 9457 problem details for /api/registry: 400 naming the parameter or the file's problem, 404
 * for records missing or outside the caller's scope, 409 for an import that is not ready or went
 * stale, 413 for a file too large. Consulted before the platform's fallback.
 */
@RestControllerAdvice(assignableTypes = RegistryApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryProblems {

    private final MessageSource messages;

    RegistryProblems(MessageSource messages) {
        this.messages = messages;
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such record in your area");
    }

    @ExceptionHandler
    ProblemDetail badSearch(BadSearch e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text(e.messageKey, e.args));
        problem.setType(URI.create("urn:linyunzhi:registry:bad-parameter"));
        problem.setProperty("field", e.field);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail refused(ImportRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), text(e.messageKey(), e.args()));
        problem.setType(URI.create("urn:linyunzhi:registry:" + e.messageKey().replace("registry.", "").replace('.', '-')));
        return problem;
    }

    private String text(String key, Object[] args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}

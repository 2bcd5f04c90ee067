package org.linyunzhi.grid.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for the grid API: 400 naming the field or the features that are wrong,
 * 404 for nodes missing or out of scope, 409 for rules the current state forbids, 413 for uploads
 * over the limit. Spring's own binding errors (missing or malformed parameters) come out the same way.
 */
@RestControllerAdvice(assignableTypes = GridApiController.class)
class GridProblems extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    GridProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** Every problem of a refused tree, each naming its feature, so a client can show them all. */
    @ExceptionHandler
    ProblemDetail refusedTree(RegionTreeImportException e) {
        HttpStatus status = e.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                e.problems().size() == 1 ? e.problems().get(0).message() : e.getMessage());
        problem.setType(URI.create("urn:linyunzhi:grid:" + (e.tooLarge() ? "payload-too-large" : "region-tree-refused")));
        problem.setTitle(text(e.tooLarge() ? "grid.api.tooLarge" : "grid.api.treeRefused"));
        List<Map<String, Object>> list = e.problems().stream().map(p -> Map.<String, Object>of(
                "featureIndex", p.featureIndex(), "code", p.code() == null ? "" : p.code(),
                "type", p.type().name(), "message", p.message() == null ? p.type().name() : p.message())).toList();
        problem.setProperty("problems", list);
        return problem;
    }

    /** Missing and out of scope look the same: a node's existence is not disclosed. */
    @ExceptionHandler
    ProblemDetail notFound(NodeNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("grid.api.notFound", new Object[] {e.code}, LocaleContextHolder.getLocale()));
        problem.setTitle(text("grid.api.notFoundTitle"));
        return problem;
    }

    /** Bad input names its field (400); a rule the current state forbids is a conflict (409). */
    @ExceptionHandler
    ProblemDetail rule(GridRuleException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                messages.getMessage(e.messageKey, e.args, LocaleContextHolder.getLocale()));
        problem.setTitle(text(e.conflict ? "grid.api.conflict" : "grid.api.badInput"));
        if (e.field != null) {
            problem.setProperty("field", e.field);
        }
        return problem;
    }

    /** Coordinates out of range reach here from the routing API. */
    @ExceptionHandler
    ProblemDetail badArgument(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle(text("grid.api.badInput"));
        return problem;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}

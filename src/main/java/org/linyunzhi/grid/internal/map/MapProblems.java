package org.linyunzhi.grid.internal.map;

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
 * RFC 9457 problem details for the base-map API, in the caller's language: 400 naming the bbox or
 * the features that are wrong, 413 for an upload over the limit.
 */
@RestControllerAdvice(assignableTypes = BaseLayerController.class)
class MapProblems extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    MapProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ProblemDetail badViewport(BaseLayerController.BadViewportException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                text("gridmap.api.badBbox", e.bbox));
        problem.setTitle(text("gridmap.api.badInput"));
        problem.setProperty("field", "bbox");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail refused(BaseLayerImportException e) {
        HttpStatus status = e.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        List<Map<String, Object>> list = e.problems().stream().map(p -> Map.<String, Object>of(
                "featureIndex", p.featureIndex(), "message", text(p.messageKey(), arguments(p)))).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                list.size() == 1 ? (String) list.get(0).get("message") : text("gridmap.import.error.several", list.size()));
        problem.setType(URI.create("urn:linyunzhi:grid:base-layers-refused"));
        problem.setTitle(text("gridmap.api.importRefused"));
        problem.setProperty("problems", list);
        return problem;
    }

    /** A feature's problem names the feature first ({0}); a problem of the whole upload has no index. */
    private static Object[] arguments(BaseLayerImport.ImportProblem p) {
        if (p.featureIndex() < 0) {
            return p.args();
        }
        Object[] args = new Object[p.args().length + 1];
        args[0] = String.valueOf(p.featureIndex());
        System.arraycopy(p.args(), 0, args, 1, p.args().length);
        return args;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}

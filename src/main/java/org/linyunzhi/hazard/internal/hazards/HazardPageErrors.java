package org.linyunzhi.hazard.internal.hazards;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A hazard page asked for outside the reader's scope, or of a hazard that does not exist, answers
 * with the platform's 404 page (its existence is not disclosed); other refusals on a page that reach
 * here answer with their status and the platform's error page.
 */
@ControllerAdvice(assignableTypes = HazardPages.class)
class HazardPageErrors {

    @ExceptionHandler
    void refused(HazardRefused e, HttpServletResponse response) throws IOException {
        response.sendError(HazardProblems.status(e.kind).value());
    }
}

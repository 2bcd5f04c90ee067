package org.linyunzhi.grid.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A node page asked for outside the user's scope, or of a node that does not exist, is a 404 page. */
@ControllerAdvice(assignableTypes = {NodePages.class, TreeImportPage.class, StaffingPage.class})
class GridPageErrors {

    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NodeNotFoundException e, org.springframework.ui.Model model, HttpServletResponse response) {
        model.addAttribute("missingCode", e.code);
        return "grid/not-found";
    }
}

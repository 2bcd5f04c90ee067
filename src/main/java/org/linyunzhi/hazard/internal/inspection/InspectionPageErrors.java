package org.linyunzhi.hazard.internal.inspection;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal a page could not show inline (a campaign or point missing or outside the reader's scope)
 * becomes the error page with its status and the reason in the reader's language.
 */
@ControllerAdvice(assignableTypes = {InspectionCampaignPages.class, PointPages.class})
class InspectionPageErrors {

    private final MessageSource messages;

    InspectionPageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ModelAndView refused(InspectionRefused e) {
        ModelAndView view = new ModelAndView("error/4xx");
        view.setStatus(InspectionProblems.status(e.kind));
        view.addObject("status", InspectionProblems.status(e.kind).value());
        view.addObject("message", InspectionProblems.text(messages, e));
        return view;
    }
}

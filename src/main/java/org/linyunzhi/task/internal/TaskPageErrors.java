package org.linyunzhi.task.internal;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal that a page could not show inline (a task missing or outside the reader's scope, a
 * forbidden page) becomes the error page with its status and the reason in the reader's language.
 */
@ControllerAdvice(assignableTypes = {TaskPages.class, MyTasksPage.class, CampaignPages.class, SupervisionPage.class})
class TaskPageErrors {

    private final MessageSource messages;

    TaskPageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ModelAndView refused(TaskRefused e) {
        ModelAndView view = new ModelAndView("error/4xx");
        view.setStatus(TaskProblems.status(e.kind));
        view.addObject("status", TaskProblems.status(e.kind).value());
        view.addObject("message", TaskProblems.text(messages, e));
        return view;
    }
}

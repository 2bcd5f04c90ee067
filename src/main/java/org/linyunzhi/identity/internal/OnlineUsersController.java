package org.linyunzhi.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** System › Online users: who is signed in where, and the button that ends a session. */
@Controller
class OnlineUsersController {

    static final String VIEW = "identity/online";

    private final OnlineSessions sessions;

    OnlineUsersController(OnlineSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/system/online")
    @PreAuthorize("hasAuthority('system:online:view')")
    String list(@RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser actor,
                HttpServletRequest request, Model model) {
        model.addAttribute("pageBase", PageOf.linkBase(request));
        model.addAttribute("sessions", sessions.list(actor.scope(), PageOf.page(page), 50));
        return VIEW;
    }

    @PostMapping("/system/online/{sessionId}/end")
    @PreAuthorize("hasAuthority('system:online:kick')")
    String end(@PathVariable String sessionId, @AuthenticationPrincipal CurrentUser actor,
               RedirectAttributes flash) {
        if (!sessions.end(sessionId, actor.scope())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        flash.addFlashAttribute("ended", true);
        return "redirect:/system/online";
    }
}

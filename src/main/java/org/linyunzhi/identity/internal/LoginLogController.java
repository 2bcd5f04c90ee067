package org.linyunzhi.identity.internal;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** System › Login log: every attempt with time, name, address, browser and outcome. */
@Controller
class LoginLogController {

    static final String VIEW = "identity/login-log";

    private final LoginLog log;

    LoginLogController(LoginLog log) {
        this.log = log;
    }

    @GetMapping("/system/login-log")
    @PreAuthorize("hasAuthority('system:loginlog:view')")
    String list(@RequestParam(required = false) String username,
                @RequestParam(required = false) LoginLog.Result result,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser actor,
                HtmxRequest htmx, HttpServletRequest request, Model model) {
        // dates are days in the town's time zone; "to" includes the whole day
        LoginLog.Filter filter = new LoginLog.Filter(username, result,
                from == null ? null : from.atStartOfDay(TownTime.ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(TownTime.ZONE).toInstant());
        model.addAttribute("entries", log.search(filter, actor.scope(), PageOf.page(page), 30));
        model.addAttribute("pageBase", PageOf.linkBase(request));
        model.addAttribute("username", username);
        model.addAttribute("result", result);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("results", LoginLog.Result.values());
        return htmx.isHtmxRequest() && "log-table".equals(htmx.getTarget()) ? VIEW + " :: table" : VIEW;
    }
}

package org.linyunzhi.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a pending login on its step page: until the second factor is given, the initial password
 * changed or a second factor enrolled, every other request is sent there (API calls get 401).
 * The pending authentication has no permission anyway; this makes the browser land where it must.
 */
class LoginGate extends OncePerRequestFilter {

    private final RequestMatcher alwaysOpen;
    private final RequestMatcher api;
    private final ApiProblems problems;

    LoginGate(RequestMatcher alwaysOpen, RequestMatcher api, ApiProblems problems) {
        this.alwaysOpen = alwaysOpen;
        this.api = api;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<LoginStep> step = LoginStep.of(SecurityContextHolder.getContext().getAuthentication());
        if (step.isEmpty() || alwaysOpen.matches(request) || onStepPage(step.get(), request)) {
            chain.doFilter(request, response);
            return;
        }
        String page = request.getContextPath() + step.get().page;
        if (api.matches(request)) {
            problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "The login is not complete: " + step.get().page + " must be done first.");
        } else if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", page);
        } else {
            response.sendRedirect(page);
        }
    }

    private static boolean onStepPage(LoginStep step, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(step.page) || path.equals("/logout");
    }
}

package org.linyunzhi.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import org.springframework.security.authentication.AuthenticationDetailsSource;

/**
 * Where a login came from, kept with the authentication (and so in the session) for the login log and
 * the online-users page.
 *
 * @param at      when the password was accepted
 * @param ip      the client address as the servlet container sees it (honours forwarded headers when
 *                {@code server.forward-headers-strategy} is set)
 * @param browser a short summary of the user agent
 */
record LoginDetails(String ip, String userAgent, String browser, Instant at) implements Serializable {

    static LoginDetails of(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return new LoginDetails(request.getRemoteAddr(), agent, BrowserSummary.of(agent), Instant.now());
    }

    static LoginDetails from(Object details) {
        return details instanceof LoginDetails d ? d : new LoginDetails(null, null, null, Instant.now());
    }

    /** Plugs the details into form login. */
    static AuthenticationDetailsSource<HttpServletRequest, LoginDetails> source() {
        return LoginDetails::of;
    }
}

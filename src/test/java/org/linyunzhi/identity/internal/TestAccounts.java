package org.linyunzhi.identity.internal;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Accounts made by a test for itself, with a unique name each, so tests never depend on each other or
 * on the demo users; and a real form login that returns the session cookie.
 */
final class TestAccounts {

    static final String PASSWORD = "Test#Pass2026";

    private TestAccounts() {
    }

    static Account create(Accounts accounts, PasswordEncoder encoder, String prefix, DataScope.Kind kind,
                          String region, UUID department, boolean mustChange, String... roles) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Account account = new Account(UUID.randomUUID(), username, "Test " + prefix, encoder.encode(PASSWORD),
                mustChange, Instant.now(), true, region, department, kind, 0, null, null, false, null, 0,
                Set.of(roles));
        accounts.create(account, Instant.now());
        return accounts.byId(account.id()).orElseThrow();
    }

    /** Signs in through the login form; the result's SESSION cookie is the signed-in browser. */
    static MvcResult login(MockMvc mvc, String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
                .andReturn();
    }

    static Cookie session(MvcResult result) {
        Cookie cookie = result.getResponse().getCookie("SESSION");
        if (cookie == null) {
            throw new AssertionError("no session cookie in " + result.getResponse().getHeaderNames());
        }
        return cookie;
    }
}

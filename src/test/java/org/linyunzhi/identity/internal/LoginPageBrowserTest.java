package org.linyunzhi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linyunzhi.testsupport.BrowserTest;

/**
 * The login page in a real Chromium at a phone's width (390 px): it fits without sideways scrolling,
 * raises no Content-Security-Policy violation, and signs a demo user in.
 */
class LoginPageBrowserTest extends BrowserTest {

    @Test
    void signsInOnAPhoneSizedScreen() {
        Page page = phone();
        List<String> violations = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                violations.add(m.text());
            }
        });
        page.navigate(url("/login"));
        assertThat(page.title()).isEqualTo("登录");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(page, "identity-login-phone");

        logIn(page, "cadre", DemoUsers.PASSWORD);
        assertThat(page.url()).doesNotContain("/login");
        page.navigate(url("/account"));
        assertThat(page.textContent("main")).contains("cadre");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(page, "identity-account-phone");
        assertThat(violations).isEmpty();
    }
}

package org.linyunzhi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The login page in a real Chromium at a phone's width (390 px): it fits without sideways scrolling,
 * raises no Content-Security-Policy violation, and signs a demo user in.
 */
@IntegrationTest
class LoginPageBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @LocalServerPort
    int port;

    @Test
    void signsInOnAPhoneSizedScreen() {
        boolean present = Files.isExecutable(CHROMIUM);
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(present, "Chromium is not installed");
        }
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(CHROMIUM).setHeadless(true))) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(390, 844));
            List<String> violations = new ArrayList<>();
            page.onConsoleMessage(m -> {
                if (m.text().contains("Content Security Policy")) {
                    violations.add(m.text());
                }
            });
            page.navigate("http://localhost:" + port + "/login");
            assertThat(page.title()).isEqualTo("登录");
            assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);

            page.fill("#username", "cadre");
            page.fill("#password", DemoUsers.PASSWORD);
            page.click("button[type=submit] >> text=登录");
            page.waitForURL(url -> !url.contains("/login"));
            page.navigate("http://localhost:" + port + "/account");
            assertThat(page.textContent("main")).contains("cadre");
            assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
            assertThat(violations).isEmpty();
        }
    }
}

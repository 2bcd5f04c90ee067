package org.linyunzhi.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base for tests that drive Debian's Chromium through Playwright against the running platform.
 * Where Chromium is missing the tests are skipped, except under {@code CI=true}, where a missing
 * browser fails the run: CI must prove the pages, not skip them.
 */
@IntegrationTest
public abstract class BrowserTest {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** The phone viewport the grid staff's pages must work at. */
    public static final int PHONE_WIDTH = 390;

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    private BrowserContext context;

    @BeforeAll
    static void launchBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + CHROMIUM + " is missing: install Debian's chromium package");
            }
            Assumptions.abort("Debian's Chromium is not installed; browser tests skipped");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        browser = null;
        playwright = null;
    }

    @AfterEach
    void closeContext() {
        if (context != null) context.close();
        context = null;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A fresh browser profile (no cookies) at desktop size. */
    protected Page desktop() {
        return open(1280, 860);
    }

    /** A fresh browser profile at the size of a phone. */
    protected Page phone() {
        return open(PHONE_WIDTH, 844);
    }

    private Page open(int width, int height) {
        if (context != null) context.close();
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai"));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /** Logs in through the login page as a real user would. */
    protected Page logIn(Page page, String username, String password) {
        page.navigate(url("/login"));
        page.fill("input[name=username]", username);
        page.fill("input[name=password]", password);
        page.click("button[type=submit]");
        page.waitForLoadState();
        return page;
    }

    /**
     * Collects what a person would see go wrong on the page: content-security-policy refusals and
     * script errors at once, and, after {@link #watchFailedLoads}, resources that fail to load.
     */
    protected List<String> watchProblems(Page page) {
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                problems.add(m.text());
            }
        });
        page.onPageError(problems::add);
        return problems;
    }

    /** Adds every answer of 400 or more (but a missing favicon) to the problems from {@link #watchProblems}. */
    protected void watchFailedLoads(Page page, List<String> problems) {
        page.onResponse(r -> {
            if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) {
                problems.add(r.status() + " " + r.url());
            }
        });
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    protected void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots", name + ".png")).setFullPage(true));
    }
}

package io.tollgate.console.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's chromium driven by Playwright: no browser download (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD), the
 * binary that ./tollgate test installs. A missing browser fails the test with how to get it.
 */
public final class Chromium implements AutoCloseable {

    /** Overridable for machines where chromium lives elsewhere. */
    public static final String EXECUTABLE_VARIABLE = "TOLLGATE_CHROMIUM";
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright;
    private final Browser browser;

    public Chromium() {
        Path executable = Path.of(System.getenv().getOrDefault(EXECUTABLE_VARIABLE, "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(executable + " is missing: install Debian's chromium (./tollgate test does, "
                    + "or apt-get install chromium chromium-driver) or point " + EXECUTABLE_VARIABLE + " at a Chromium");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable).setHeadless(true).setArgs(FLAGS));
    }

    /** A fresh browser context (no cookies) at the size the console is designed for. */
    public Page newPage() {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)).newPage();
        page.setDefaultTimeout(30_000);
        return page;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}

package io.tollgate.console.browser;

import com.microsoft.playwright.Page;
import java.nio.file.Path;

/** Screenshots of the console's main views, saved under target/screenshots for people to look at. */
public final class Screenshots {

    private static final Path FOLDER = Path.of("target", "screenshots");

    private Screenshots() {
    }

    public static Path save(Page page, String name) {
        Path file = FOLDER.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}

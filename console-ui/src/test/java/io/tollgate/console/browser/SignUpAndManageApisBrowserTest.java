package io.tollgate.console.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A new person, in a real browser (Debian's chromium), against the real Keycloak, control plane and
 * gateway: signs up on Keycloak's registration page, creates an organization, imports an OpenAPI file by
 * upload (a refused document first, then one whose route needs an API key and proxies to a loopback
 * upstream this test runs), deploys it to prod, creates a usage plan and a key, calls the API through the
 * gateway from the try-it panel, exports and replaces it as OpenAPI, sees those calls on the dashboard
 * (counted by the real analytics service), and signs out. Saves a screenshot of every main view under
 * target/screenshots.
 */
@QuarkusTest
class SignUpAndManageApisBrowserTest {

    private static Chromium chromium;
    private static Upstream upstream;

    @TestHTTPResource("/")
    URL console;

    @BeforeAll
    static void browser() {
        // the machine may be busy: Vaadin's first page load and the sign-in redirects can take seconds
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        chromium = new Chromium();
        upstream = Upstream.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void a_new_person_signs_up_and_calls_their_api_through_the_gateway() {
        Page page = chromium.newPage();
        try {
            signUpAndCallTheApi(page);
        } catch (AssertionError | RuntimeException e) {
            Screenshots.save(page, "failure"); // what the person saw when it went wrong
            throw e;
        }
    }

    private void signUpAndCallTheApi(Page page) {
        page.navigate(console + "signed-out.html");
        Screenshots.save(page, "00-signed-out");
        page.click("#create-account");

        // Keycloak's own registration page
        String unique = "ada-" + UUID.randomUUID().toString().substring(0, 8);
        page.waitForSelector("#kc-register-form");
        Screenshots.save(page, "01-keycloak-registration");
        page.fill("#username", unique);
        page.fill("#email", unique + "@example.test");
        page.fill("#firstName", "Ada");
        page.fill("#lastName", "Lovelace");
        String password = UUID.randomUUID().toString();
        page.fill("#password", password);
        page.fill("#password-confirm", password);
        page.locator("#kc-register-form [type=submit]").click();

        // first sign-in without an organization: create one; a blank name is refused on the field
        assertThat(page.locator("#organization-name")).isVisible();
        page.click("#create-organization");
        assertThat(page.locator("#organization-name[invalid]")).isVisible();
        Screenshots.save(page, "02-create-organization");
        page.locator("#organization-name input").fill("Analytical Engines");
        page.click("#create-organization");

        // the APIs view, empty, says what to do next
        assertThat(page.locator("text=No APIs yet")).isVisible();
        assertThat(page.locator("#organization-switcher")).containsText("Analytical Engines");
        assertThat(page.locator("#signed-in-person")).containsText(unique + "@example.test");
        Screenshots.save(page, "03-apis-empty");

        // import by upload: a document that cannot be imported is refused with where and why, the file stays chosen
        page.click("#import-openapi");
        upload(page, Path.of("src/test/resources/openapi/pets-aws-service.yaml"));
        page.click("#openapi-import-submit");
        assertThat(page.locator("#openapi-import-violations")).containsText("paths./pets.get.x-amazon-apigateway-integration.type");
        assertThat(page.locator("#openapi-import-violations")).containsText("AWS service integrations are not supported");
        assertThat(page.locator("#openapi-chosen-file")).containsText("pets-aws-service.yaml");
        assertThat(page.locator("#openapi-import-submit")).isEnabled();
        Screenshots.save(page, "04-import-refused");

        // another file: imported, with what was not taken over listed by its place in the document
        upload(page, upstream.document(Path.of("src/test/resources/openapi/pets.yaml")));
        page.click("#openapi-import-submit");
        assertThat(page.locator("#openapi-import-summary")).containsText("Pets: 1 route, 0 authorizers imported.");
        assertThat(page.locator("#openapi-import-warnings"))
                .containsText("paths./pets/{id}.get.x-amazon-apigateway-integration.passthroughBehavior");
        Screenshots.save(page, "05-import-warnings");
        page.click("#openapi-import-open");
        assertThat(page.locator("h2", new Page.LocatorOptions().setHasText("Pets"))).isVisible();
        assertThat(page.locator("#routes-tree")).containsText("/{id}");
        assertThat(page.locator("#routes-tree")).containsText("API_KEY");
        assertThat(page.locator("#routes-tree")).containsText(upstream.url());
        Screenshots.save(page, "06-api-routes");

        // deploy to prod
        page.locator("vaadin-tab", new Page.LocatorOptions().setHasText("Stages & deployments")).click();
        page.click("#deploy");
        page.locator("#deploy-description textarea").fill("first release");
        page.click("#deploy-submit");
        assertThat(page.locator("#stages-grid")).containsText(".gateway.localhost:");
        assertThat(page.locator("#deployments-grid")).containsText("first release");
        Screenshots.save(page, "07-api-stages");

        // a usage plan on Pets · prod and a key on it, its value shown once
        page.navigate(console + "usage-plans");
        page.click("#create-usage-plan");
        page.locator("#plan-name input").fill("Basic");
        page.locator("#plan-quota input").fill("1000");
        page.click("#plan-save");
        assertThat(page.locator("#usage-plans-grid")).containsText("Pets · prod");
        Screenshots.save(page, "08-usage-plans");

        page.navigate(console + "api-keys");
        page.click("#create-api-key");
        page.locator("#key-name input").fill("first caller");
        page.click("#key-save");
        Locator secret = page.locator("#secret-value input");
        assertThat(secret).isVisible();
        String key = secret.inputValue();
        assertTrue(key.length() >= 20, key);
        Screenshots.save(page, "09-api-key-created");
        page.locator("vaadin-button", new Page.LocatorOptions().setHasText("I have stored it")).click();
        assertThat(page.locator("#api-keys-grid")).containsText("first caller");
        Screenshots.save(page, "10-api-keys");

        // try it through the real gateway: refused without the key, served with it
        page.navigate(console + "apis");
        page.locator("#apis-grid").getByText("Pets", new Locator.GetByTextOptions().setExact(true)).click();
        page.locator("vaadin-button.try-it").first().click();
        page.locator("#try-param-id input").fill("7");
        assertEquals(403, sendUntilSettled(page, 403));
        page.locator("#try-api-key input").fill(key);
        assertEquals(200, sendUntilSettled(page, 200));
        assertThat(page.locator("#try-response-body")).containsText("Rex");
        assertEquals("7", upstream.lastPetId(), "the gateway called the upstream with the path parameter");
        assertThat(page.locator("#try-latency")).containsText("ms");
        Screenshots.save(page, "11-try-it");
        page.keyboard().press("Escape");

        // export: the API as an OpenAPI document, downloaded; it carries the integration and the key requirement
        Download exported = page.waitForDownload(() -> page.click("#export-openapi-yaml"));
        assertEquals("pets.openapi.yaml", exported.suggestedFilename());
        String yaml = read(exported.path());
        assertTrue(yaml.contains("x-amazon-apigateway-integration") && yaml.contains(upstream.url()), yaml);
        assertTrue(yaml.contains("x-api-key"), yaml);
        Screenshots.save(page, "12-api-page");

        // replace the API from a document (the export just downloaded), guarded by the version the page was opened at
        page.click("#replace-openapi");
        upload(page, exported.path(), "pets.openapi.yaml");
        page.click("#openapi-import-submit");
        assertThat(page.locator("#openapi-import-summary")).containsText("Pets: 1 route, 0 authorizers imported.");
        // closed with Escape rather than "Open": the API page reloads itself all the same (replaced routes, new
        // ETag); wait for that load, or it lands on the next page
        page.waitForNavigation(() -> page.keyboard().press("Escape"));
        assertThat(page.locator("#openapi-import-summary")).isHidden();
        assertThat(page.locator("#routes-tree")).containsText(upstream.url());

        // the calls just made, counted by the real analytics service from the gateway's access events
        page.navigate(console + "dashboards");
        assertTrue(requestsOnDashboard(page) >= 2, "the try-it calls (403 and 200) show on the dashboard");
        assertThat(page.locator("#tile-errors")).isVisible();
        Screenshots.save(page, "13-dashboards");

        for (String view : new String[] {"members", "access-tokens", "audit-log"}) {
            page.navigate(console + view);
            assertThat(page.locator("h2")).isVisible();
            Screenshots.save(page, "14-" + view);
        }
        assertThat(page.locator("#audit-grid")).containsText("api");

        page.click("#sign-out");
        assertThat(page.locator("#create-account")).isVisible();
    }

    /** Chooses a file in the import dialog's upload and waits until the console names it as chosen. */
    private static void upload(Page page, Path file) {
        upload(page, file, file.getFileName().toString());
    }

    private static void upload(Page page, Path file, String name) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.locator("#openapi-upload input[type=file]").setInputFiles(new FilePayload(name, "application/yaml", content));
        assertThat(page.locator("#openapi-chosen-file")).containsText(name);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Configuration reaches the gateway through Kafka within moments: send until the expected status. */
    /**
     * The dashboard's request count once analytics has counted something (events reach it through Kafka
     * within seconds; the page is refreshed until then, at most two minutes on a loaded machine).
     */
    private static long requestsOnDashboard(Page page) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            Locator figure = page.locator("#tile-requests .tile-value");
            if (figure.count() > 0) {
                return Long.parseLong(figure.textContent().replaceAll("[^0-9]", ""));
            }
            page.waitForTimeout(2_000);
            page.click("#dashboard-refresh");
            awaitServerRoundTrip(page);
        }
        throw new AssertionError("no requests on the dashboard within two minutes: " + page.locator("main, body").first().textContent());
    }

    private static int sendUntilSettled(Page page, int expected) {
        int status = -1;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            page.click("#try-send");
            awaitServerRoundTrip(page);
            Locator shown = page.locator("#try-status");
            assertThat(shown).isVisible();
            status = Integer.parseInt(shown.textContent().replace("HTTP ", "").trim());
            if (status == expected) {
                return status;
            }
            page.waitForTimeout(500);
        }
        return status;
    }

    /** Until Vaadin's client has no request in flight (what TestBench waits for). */
    private static void awaitServerRoundTrip(Page page) {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && Object.values(window.Vaadin.Flow.clients)"
                + ".every(client => !client.isActive())");
    }

    private static void choose(Page page, String select, String item) {
        page.click(select);
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText(item)).click();
    }
}

package io.tollgate.console.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.runtime.testing.KeycloakUsers;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A person (created in the real Keycloak through its admin API) whose organization has an API on
 * prod that took real traffic through the real gateway, counted by the real analytics service, signs
 * in with a real browser (Debian's chromium) and looks at the dashboards, billing, per-key usage and
 * custom domains (where DNS verification fails, as it must for a name nobody published), then flushes
 * the stage's response cache. Saves a screenshot of each view under target/screenshots.
 */
@QuarkusTest
class DashboardsBillingDomainsBrowserTest {

    private static final int SERVED = 10;
    private static final int WITH_KEY = 4;
    private static final int REFUSED = 2;
    private static Chromium chromium;

    @TestHTTPResource("/")
    URL console;

    @BeforeAll
    static void browser() {
        // the machine may be busy: Vaadin's first page load and the sign-in redirects can take seconds
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        chromium = new Chromium();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void a_person_sees_their_traffic_on_the_dashboards_and_billing_and_a_failed_domain_verification() throws Exception {
        KeycloakUsers users = KeycloakUsers.fromTestConfig();
        KeycloakUsers.Person person = users.create("dana");
        String controlPlane = ConfigProvider.getConfig().getValue("tollgate.control-plane.url", String.class);
        String analytics = ConfigProvider.getConfig().getValue("tollgate.analytics.url", String.class);
        URI gateway = URI.create(ConfigProvider.getConfig().getValue("tollgate.gateway.url", String.class));
        TenantFixture fixture = new TenantFixture(controlPlane, users.token(person));

        String tenant = fixture.post("/v1/tenants", "{\"name\": \"Dana's Pets\"}").get("id").asText();
        String tenantPath = "/v1/tenants/" + tenant;
        String apiId = fixture.post(tenantPath + "/apis", "{\"name\": \"Pets\", \"kind\": \"REST\"}").get("id").asText();
        fixture.post(tenantPath + "/apis/" + apiId + "/routes", """
                {"method": "GET", "path": "/pets", "authorization": {"type": "NONE"},
                 "integration": {"type": "MOCK", "statusCode": 200, "body": "[{\\"name\\": \\"Rex\\"}]"}}""");
        fixture.post(tenantPath + "/apis/" + apiId + "/routes", """
                {"method": "GET", "path": "/orders", "authorization": {"type": "API_KEY"},
                 "integration": {"type": "MOCK", "statusCode": 200, "body": "[]"}}""");
        String deploymentId = fixture.post(tenantPath + "/apis/" + apiId + "/deployments",
                "{\"description\": \"first\", \"stageName\": \"prod\"}").get("id").asText();
        fixture.put(tenantPath + "/apis/" + apiId + "/stages/prod", """
                {"deploymentId": "%s", "cache": {"enabled": true, "ttlSeconds": 300}}""".formatted(deploymentId));
        String planId = fixture.post(tenantPath + "/usage-plans", """
                {"name": "Partners", "stages": [{"apiId": "%s", "stage": "prod"}]}""".formatted(apiId)).get("id").asText();
        JsonNode key = fixture.post(tenantPath + "/api-keys", """
                {"name": "Partner X", "enabled": true, "usagePlanIds": ["%s"]}""".formatted(planId));

        String host = apiId + "." + ConfigProvider.getConfig().getOptionalValue("tollgate.gateway.domain", String.class)
                .orElse("gateway.localhost");
        // configuration reaches the gateway through Kafka within moments; calls made while it had not
        // (a 404 or 403 or two) count like any other call, so the totals below are what analytics counted
        awaitStatus(gateway, host, "/prod/orders", key.get("value").asText(), 200);
        for (int i = 0; i < SERVED; i++) {
            assertEquals(200, TenantFixture.callGateway(gateway, host, "/prod/pets", null));
        }
        for (int i = 0; i < WITH_KEY; i++) {
            assertEquals(200, TenantFixture.callGateway(gateway, host, "/prod/orders", key.get("value").asText()));
        }
        for (int i = 0; i < REFUSED; i++) {
            assertEquals(403, TenantFixture.callGateway(gateway, host, "/prod/orders", null));
        }
        String analyticsPath = analytics + "/v1/tenants/" + tenant + "/analytics";
        long total = awaitCounted(fixture, analyticsPath, "", SERVED + WITH_KEY + REFUSED + 1);
        long keyed = awaitCounted(fixture, analyticsPath, "&keyId=" + key.get("id").asText(), WITH_KEY + 1);

        Page page = chromium.newPage();
        try {
            signIn(page, person);
            dashboards(page, total, keyed);
            billing(page, total);
            keyUsage(page, keyed);
            domains(page);
            flushCache(page, apiId);
        } catch (AssertionError | RuntimeException e) {
            Screenshots.save(page, "failure-dashboards-billing-domains");
            throw e;
        }
    }

    /** The console sends the person to Keycloak's sign-in page and back. */
    private void signIn(Page page, KeycloakUsers.Person person) {
        page.navigate(console + "dashboards");
        page.waitForSelector("#kc-form-login");
        page.fill("#username", person.username());
        page.fill("#password", person.password());
        page.click("#kc-login");
        assertThat(page.locator("#signed-in-person")).containsText(person.email());
    }

    private void dashboards(Page page, long total, long keyed) {
        assertThat(page.locator("h2", new Page.LocatorOptions().setHasText("Dashboards"))).isVisible();
        choose(page, "#dashboard-range", "Last hour");
        assertThat(page.locator("#tile-requests")).containsText("Last hour"); // the page shows the hour now
        assertThat(page.locator("#tile-requests .tile-value")).hasText(String.valueOf(total));
        // 2 of the requests were refused without a key: 403s
        assertThat(page.locator("#tile-errors")).containsText(" 4xx");
        assertThat(page.locator("#tile-latency")).containsText("p95");
        assertThat(page.locator("#chart-requests[data-rendered=true] canvas")).isVisible();
        assertThat(page.locator("#chart-latency[data-rendered=true] canvas")).isVisible();
        assertThat(page.locator("#top-apis")).containsText("Pets");
        assertThat(page.locator("#top-routes")).containsText("GET /pets");
        assertThat(page.locator("#top-keys")).containsText("Partner X");
        // the console's content scrolls inside its layout: a taller window shows the whole dashboard at once
        page.setViewportSize(1280, 1500);
        page.waitForTimeout(500); // ECharts follows the new size (no animation)
        Screenshots.save(page, "20-dashboards");
        page.setViewportSize(1280, 800);

        // filtered by the key: only its calls
        page.locator("#dashboard-key input").fill("Partner X");
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText("Partner X")).click();
        assertThat(page.locator("#tile-requests .tile-value")).hasText(String.valueOf(keyed));
    }

    private void billing(Page page, long total) {
        page.navigate(console + "billing");
        assertThat(page.locator("#billing-plan")).containsText("FREE");
        assertThat(page.locator("#billing-plan")).containsText("1,000,000 requests a month included");
        assertThat(page.locator("#billing-usage .tile-value")).hasText(String.valueOf(total));
        assertThat(page.locator("#billing-allowance-text")).containsText("requests left this month");
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        assertThat(page.locator("#invoices-grid")).containsText(month);
        assertThat(page.locator("#invoices-grid")).containsText("Draft");
        assertThat(page.locator("#invoice-lines")).containsText("Requests included in FREE");
        assertThat(page.locator("#invoice-total")).containsText("EUR 0.00");
        Screenshots.save(page, "21-billing");
        var download = page.waitForDownload(() -> page.locator("#invoices-grid a", new Page.LocatorOptions().setHasText("CSV"))
                .first().click());
        assertEquals("invoice-" + month + ".csv", download.suggestedFilename());
    }

    private void keyUsage(Page page, long keyed) {
        page.navigate(console + "api-keys");
        page.click("#key-usage");
        assertThat(page.locator("#key-usage-grid")).containsText("Partner X");
        assertThat(page.locator("#key-usage-grid")).containsText(String.valueOf(keyed));
        Screenshots.save(page, "22-key-usage");
    }

    private void domains(Page page) {
        page.navigate(console + "domains");
        assertThat(page.locator("text=No custom domains yet")).isVisible();
        page.click("#add-domain");
        String hostname = "api-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        page.locator("#domain-hostname input").fill(hostname);
        page.click("#domain-save");
        assertThat(page.locator("#domain-header")).containsText(hostname);
        assertThat(page.locator("#txt-name")).hasText("_tollgate-challenge." + hostname);
        assertThat(page.locator("#txt-value")).not().isEmpty();
        page.click("#domain-verify");
        // nobody published the record: the control plane says what DNS answered (or that it did not)
        assertThat(page.locator("#domain-verify-error")).containsText("Verification failed");
        page.locator("#certificate-chain textarea").fill("-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----");
        page.click("#certificate-upload");
        assertThat(page.locator("#certificate-errors li").first()).isVisible();
        assertThat(page.locator("#certificate-errors")).containsText("The private key");
        Screenshots.save(page, "23-custom-domain");
    }

    /** The stage caches responses: its cache can be flushed, after a confirmation. */
    private void flushCache(Page page, String apiId) {
        page.navigate(console + "api/" + apiId);
        page.locator("vaadin-tab", new Page.LocatorOptions().setHasText("Stages & deployments")).click();
        page.locator("vaadin-button.flush-cache").first().click();
        assertThat(page.locator("text=Flush the cache of prod?")).isVisible();
        page.locator("vaadin-button[slot='confirm-button']").click();
        assertThat(page.locator("text=Cache of prod flushed")).isVisible();
        Screenshots.save(page, "24-stage-cache-flushed");
    }

    private static void choose(Page page, String select, String item) {
        page.click(select);
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText(item)).click();
    }

    /** Configuration reaches the gateway through Kafka within moments: call until it answers as expected. */
    private static void awaitStatus(URI gateway, String host, String path, String apiKey, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = -1;
        while (System.nanoTime() < deadline) {
            status = TenantFixture.callGateway(gateway, host, path, apiKey);
            if (status == expected) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " answered " + status + ", not " + expected);
    }

    /**
     * Until the analytics service has counted at least {@code atLeast} calls in the last hour (per
     * minute) and the same number in the running month (invoices read the day rollups), unchanged over
     * two polls; answers that count.
     */
    private static long awaitCounted(TenantFixture fixture, String analytics, String filter, long atLeast)
            throws InterruptedException {
        Instant to = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(2, ChronoUnit.MINUTES);
        String range = "from=" + to.minus(Duration.ofHours(1)) + "&to=" + to;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long minutes = 0;
        long previous = -1;
        while (System.nanoTime() < deadline) {
            minutes = 0;
            for (JsonNode point : fixture.get(analytics + "/timeseries?resolution=minute&" + range + filter).get("points")) {
                minutes += point.get("requests").asLong();
            }
            long days = 0;
            for (JsonNode point : fixture.get(analytics + "/timeseries?resolution=day&" + dayRange() + filter).get("points")) {
                days += point.get("requests").asLong();
            }
            if (minutes >= atLeast && minutes == days && minutes == previous) {
                return minutes;
            }
            previous = minutes == days ? minutes : -1;
            Thread.sleep(1000);
        }
        throw new AssertionError("analytics counted " + minutes + " calls in the last hour, expected at least " + atLeast);
    }

    private static String dayRange() {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        return "from=" + today.minus(Duration.ofDays(1)) + "&to=" + today.plus(Duration.ofDays(1));
    }
}

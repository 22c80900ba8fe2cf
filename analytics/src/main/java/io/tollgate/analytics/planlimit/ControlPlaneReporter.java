package io.tollgate.analytics.planlimit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells the control plane about used-up plan limits and their lifts, through its internal endpoint
 * ({@code /internal/v1/tenants/{tenant}/plan-limit}), with a client-credentials token of the platform's
 * service account ({@code tollgate-automation}, realm role {@code tollgate-platform}). Blocking: called
 * from the enforcer's own thread, never from an event loop.
 */
@ApplicationScoped
public class ControlPlaneReporter {

    /** What the control plane answered to a report. */
    public enum Outcome {
        /** Recorded (or already so): the report is done. */
        DONE,
        /** The control plane has no such tenant (e.g. deleted): nothing to restrict or lift there. */
        NO_SUCH_TENANT
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @ConfigProperty(name = "tollgate.analytics.control-plane.url")
    URI controlPlane;

    @Inject
    OidcClient oidc;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private Tokens tokens;

    public Outcome reached(PlanLimitChecks.Reached reached) throws IOException, InterruptedException {
        byte[] body;
        try {
            body = json.writeValueAsBytes(Map.of("plan", reached.plan(), "limit", "MONTHLY_REQUESTS",
                    "allowance", reached.allowance(), "period", reached.period().toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return send(HttpRequest.newBuilder(uri(reached.tenantId(), ""))
                .header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Outcome lift(PlanLimitChecks.Lift lift) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(lift.tenantId(), "?period=" + lift.period() + "&reason=" + lift.reason())).DELETE());
    }

    private URI uri(String tenantId, String query) {
        return controlPlane.resolve("/internal/v1/tenants/" + URLEncoder.encode(tenantId, StandardCharsets.UTF_8) + "/plan-limit"
                + query);
    }

    private Outcome send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(TIMEOUT).header("accept", "application/json")
                .header("authorization", "Bearer " + accessToken()).build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 401) {
            forgetToken(); // revoked or expired early: a new one next time
        }
        if (status / 100 == 2) {
            return Outcome.DONE;
        }
        if (status == 404) {
            return Outcome.NO_SUCH_TENANT;
        }
        throw new IOException("the control plane answered " + status + ": " + response.body());
    }

    private synchronized String accessToken() {
        if (tokens == null || tokens.isAccessTokenExpired() || tokens.isAccessTokenWithinRefreshInterval()) {
            tokens = oidc.getTokens().await().atMost(TIMEOUT);
        }
        return tokens.getAccessToken();
    }

    private synchronized void forgetToken() {
        tokens = null;
    }
}

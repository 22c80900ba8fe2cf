package io.tollgate.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every Tollgate app answers, whatever it does: a readiness check that is UP once its real
 * dependencies answer, and Prometheus metrics. Each app's test class implements this interface
 * (one suite, every app).
 */
public interface AppEndpointsContract {

    HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(String path) throws Exception {
        String base = ConfigProvider.getConfig().getValue("test.url", String.class);
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    default void readiness_is_up_when_its_services_answer() throws Exception {
        HttpResponse<String> response = get("/q/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"status\": \"UP\""), response.body());
    }

    @Test
    default void metrics_are_served_in_prometheus_format() throws Exception {
        HttpResponse<String> response = get("/q/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/plain")
                || response.headers().firstValue("content-type").orElse("").startsWith("application/openmetrics-text"),
                response.headers().toString());
        assertTrue(response.body().contains("jvm_memory_used_bytes"), "JVM metrics missing");
    }
}

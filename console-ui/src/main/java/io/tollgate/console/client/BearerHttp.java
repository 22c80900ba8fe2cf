package io.tollgate.console.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP to the platform's APIs (tenant API, analytics API) with the signed-in person's access token:
 * JSON in and out, problem+json answers turned into {@link ApiProblem}. Blocking: Vaadin handles each
 * browser round trip on a worker thread, never on an event loop.
 */
@ApplicationScoped
public class BearerHttp {

    static final String JSON = "application/json, application/problem+json";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    ObjectMapper json;

    @Inject
    Instance<AccessTokenCredential> accessToken;

    JavaType type(Class<?> type) {
        return json.constructType(type);
    }

    ObjectMapper json() {
        return json;
    }

    /** A JSON call; {@code type} null (or an empty answer) gives null. {@code service} names the API in messages. */
    <T> T send(String service, String url, String method, Object body, JavaType type) {
        HttpRequest.BodyPublisher publisher = null;
        if (body != null) {
            try {
                publisher = HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
            }
        } else if (method.equals("POST")) {
            publisher = HttpRequest.BodyPublishers.ofString("{}");
        }
        return read(service, exchange(service, url, method, publisher, publisher == null ? null : "application/json", null,
                JSON), type);
    }

    /** A GET of a non-JSON document (CSV downloads), as bytes. */
    byte[] download(String service, String url, String accept) {
        return exchange(service, url, "GET", null, null, null, accept + ", application/problem+json").body();
    }

    /**
     * One request with the person's token and the body as it is ({@code contentType}, or none);
     * {@code ifMatch} (an ETag, or null) guards an overwrite. An error answer becomes an {@link ApiProblem}.
     */
    HttpResponse<byte[]> exchange(String service, String url, String method, HttpRequest.BodyPublisher body,
                                  String contentType, String ifMatch, String accept) {
        HttpRequest.Builder request = authorized(url).header("Accept", accept);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        try {
            return checked(service, http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw ApiProblem.unreachable(service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.unreachable(service, e);
        }
    }

    /** The JSON answer as {@code type}; null for no type or an empty answer. */
    <T> T read(String service, HttpResponse<byte[]> response, JavaType type) {
        if (type == null || response.body().length == 0) {
            return null;
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new ApiProblem(502, "Unreadable answer", service + " answered something the console cannot read.", List.of());
        }
    }

    private HttpRequest.Builder authorized(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken.get().getToken());
    }

    private HttpResponse<byte[]> checked(String service, HttpResponse<byte[]> response) {
        if (response.statusCode() >= 400) {
            throw problem(service, response);
        }
        return response;
    }

    private ApiProblem problem(String service, HttpResponse<byte[]> response) {
        try {
            JsonNode problem = json.readTree(response.body());
            List<ApiProblem.Violation> violations = new ArrayList<>();
            for (JsonNode violation : problem.path("violations")) {
                violations.add(new ApiProblem.Violation(violation.path("field").asText(), violation.path("message").asText()));
            }
            return new ApiProblem(response.statusCode(), problem.path("title").asText(null),
                    problem.path("detail").asText(null), violations);
        } catch (IOException | RuntimeException e) { // not a problem document (a proxy's page, an empty 401)
            return new ApiProblem(response.statusCode(), "HTTP " + response.statusCode(),
                    response.statusCode() == 401 ? "Your session has ended; sign in again." : service + " answered "
                            + response.statusCode() + ".", List.of());
        }
    }
}

package io.tollgate.controlplane.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.Caller;
import io.tollgate.controlplane.access.CallerResolver;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.problem.ProblemType;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Idempotency keys for every create ({@code POST}) of the tenant API, like Stripe's: the first request
 * with an {@code Idempotency-Key} header is processed and its successful response (status, Location,
 * ETag, body) kept for 24 hours; a repeat of the same key by the same caller on the same path with the
 * same body is answered with that response and {@code Idempotent-Replayed: true}, without doing the
 * work again. The same key with another body answers 422, a repeat while the first is still running 409.
 * A request that fails (any non-2xx answer) forgets its key, so the client may fix it and send it again.
 * Operations marked {@link ReturnsSecret} refuse the header (400): their secret is never stored.
 */
public class IdempotencyFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;

    private static final String CLAIM_PROPERTY = IdempotencyFilter.class.getName() + ".claim";

    @Inject
    CallerResolver callers;

    @Inject
    IdempotencyStore store;

    @Inject
    ObjectMapper json;

    /** Runs after {@code TenantAccessFilter}: a caller outside the tenant gets its 404 before any key is stored. */
    @ServerRequestFilter(priority = Priorities.USER, readBody = true)
    public Uni<Response> claim(ContainerRequestContext request, ResourceInfo resource) {
        String key = request.getHeaderString(HEADER);
        String path = request.getUriInfo().getPath();
        if (key == null || !HttpMethod.POST.equals(request.getMethod()) || !path.startsWith("/v1/")) {
            return Uni.createFrom().nullItem();
        }
        if (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(ReturnsSecret.class)) {
            return Uni.createFrom().failure(ProblemException.invalid(HEADER, "is not accepted here: the response holds "
                    + "a secret shown only once, which is never stored for a replay"));
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Uni.createFrom().failure(ProblemException.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        byte[] body = body(request);
        Caller caller = callers.current();
        IdempotencyStore.Claim claim = new IdempotencyStore.Claim(caller.actorType() + ":" + caller.actorId(), path, key);
        String hash = hash(request.getMethod(), path, body);
        return store.claim(claim, hash).map(saved -> {
            if (saved == null) {
                request.setProperty(CLAIM_PROPERTY, claim);
                return null;
            }
            if (saved.requestHash() != null && !saved.requestHash().equals(hash)) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was already used "
                        + "with a different request body; use a new key for a new request.");
            }
            if (!saved.completed()) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_IN_USE, "A request with this Idempotency-Key "
                        + "is still in progress; retry once it has finished.");
            }
            Response.ResponseBuilder replay = Response.status(saved.status()).header(REPLAYED, "true");
            if (saved.body() != null) {
                replay.entity(saved.body()).type(saved.contentType() != null ? saved.contentType() : MediaType.APPLICATION_JSON);
            }
            if (saved.location() != null) {
                replay.header(HttpHeaders.LOCATION, saved.location());
            }
            if (saved.etag() != null) {
                replay.header(HttpHeaders.ETAG, saved.etag());
            }
            return replay.build();
        });
    }

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM_PROPERTY) instanceof IdempotencyStore.Claim claim)) {
            return Uni.createFrom().voidItem();
        }
        request.removeProperty(CLAIM_PROPERTY);
        int status = response.getStatus();
        if (status < 200 || status >= 300) {
            return store.release(claim);
        }
        String body;
        try {
            body = !response.hasEntity() ? null
                    : response.getEntity() instanceof String text ? text : json.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            return store.release(claim);
        }
        MediaType type = response.getMediaType();
        return store.complete(claim, status, response.getHeaderString(HttpHeaders.LOCATION),
                response.getHeaderString(HttpHeaders.ETAG), type != null ? type.toString() : MediaType.APPLICATION_JSON, body);
    }

    private static byte[] body(ContainerRequestContext request) {
        try {
            byte[] bytes = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(bytes));
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of method, path and body: what decides whether a repeat is the same request. */
    static String hash(String method, String path, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + ' ' + path + '\n').getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

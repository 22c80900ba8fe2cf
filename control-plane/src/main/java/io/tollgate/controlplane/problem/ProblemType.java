package io.tollgate.controlplane.problem;

import java.net.URI;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of error the tenant API answers with. Each has a stable {@code type} URI that clients may
 * branch on; titles and details are for people and may change.
 */
public enum ProblemType {
    VALIDATION("validation", "Request is invalid", 400),
    MALFORMED_REQUEST("malformed-request", "Request body is not valid JSON for this operation", 400),
    UNAUTHENTICATED("unauthenticated", "Authentication required", 401),
    FORBIDDEN("forbidden", "Not allowed for your role", 403),
    NOT_FOUND("not-found", "Resource not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflicts with the current state", 409),
    IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", "A request with this idempotency key is still in progress", 409),
    PRECONDITION_FAILED("precondition-failed", "Resource was changed by someone else", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body is too large", 413),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency key was used for a different request", 422),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    /** A custom domain's TXT record is missing or holds another value; the detail says what DNS answered. */
    DOMAIN_VERIFICATION_FAILED("domain-verification-failed", "The domain's DNS TXT record does not hold its token", 422),
    /** The resolver did not answer (timeout, SERVFAIL, REFUSED): nothing is known yet, try again later. */
    DNS_UNAVAILABLE("dns-unavailable", "DNS lookup failed", 503),
    INTERNAL("internal", "Internal error", 500);

    /** Documentation home of the problem types; never dereferenced by the API itself. */
    public static final String BASE = "https://tollgate.dev/problems/";

    /** Types only our code raises, never meant for a bare framework status of the same code. */
    private static final Set<ProblemType> NOT_FOR_FRAMEWORK = EnumSet.of(VALIDATION, DOMAIN_VERIFICATION_FAILED, DNS_UNAVAILABLE);

    private final URI uri;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.uri = URI.create(BASE + slug);
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** The type for an HTTP status the framework raised on its own (unknown path, wrong method, …). */
    public static Optional<ProblemType> forStatus(int status) {
        for (ProblemType type : values()) {
            // A bare 400 from the framework means the body could not be read; VALIDATION always lists violations.
            if (type.status == status && !NOT_FOR_FRAMEWORK.contains(type)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

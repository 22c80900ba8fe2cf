package io.tollgate.console.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answer of the tenant API (RFC 9457 problem+json), or a transport failure reaching it.
 * Views map {@link #violations()} onto their form fields and show {@link #getMessage()} otherwise.
 */
public final class ApiProblem extends RuntimeException {

    /** One invalid field as the API names it ({@code name}, {@code integration.uri}, …) and why. */
    public record Violation(String field, String message) {
    }

    private final int status;
    private final String title;
    private final List<Violation> violations;

    public ApiProblem(int status, String title, String detail, List<Violation> violations) {
        super(detail != null && !detail.isBlank() ? detail : title);
        this.status = status;
        this.title = title;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static ApiProblem unreachable(String what, Exception cause) {
        ApiProblem problem = new ApiProblem(503, "Service unavailable",
                what + " cannot be reached right now; your input is kept, try again in a moment.", List.of());
        problem.initCause(cause);
        return problem;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Field → message, the first message of each field. */
    public Map<String, String> violationsByField() {
        Map<String, String> byField = new LinkedHashMap<>();
        violations.forEach(v -> byField.putIfAbsent(v.field(), v.message()));
        return byField;
    }

    /** The person's token was not accepted: the sign-in session is over. */
    public boolean isUnauthenticated() {
        return status == 401;
    }
}

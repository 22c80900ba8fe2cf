package io.tollgate.analytics.api;

import java.net.URI;

/** Ends a request with a problem document: thrown by resources and the access filter, mapped in {@link ProblemMappers}. */
public final class ProblemException extends RuntimeException {

    private final String slug;
    private final String title;
    private final int status;

    private ProblemException(String slug, String title, int status, String detail) {
        super(detail, null, false, false);
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public static ProblemException validation(String detail) {
        return new ProblemException("validation", "Request is invalid", 400, detail);
    }

    public static ProblemException unauthenticated(String detail) {
        return new ProblemException("unauthenticated", "Authentication required", 401, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException("forbidden", "Not allowed for your role", 403, detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException("not-found", "Resource not found", 404, detail);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException("unavailable", "A service this request needs is unavailable", 503, detail);
    }

    public Problem toProblem() {
        return new Problem(URI.create(Problem.BASE + slug), title, status, getMessage());
    }
}

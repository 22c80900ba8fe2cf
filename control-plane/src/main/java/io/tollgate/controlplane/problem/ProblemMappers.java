package io.tollgate.controlplane.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every exception the tenant API lets out becomes an RFC 9457 problem here, so clients see one error
 * shape whatever failed: our own {@link ProblemException}s, Bean Validation, unreadable JSON,
 * framework statuses (404 on an unknown path, 405, 415) and security refusals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return respond(new ProblemException(ProblemType.VALIDATION, detail, violations).toProblem());
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response jsonSyntax(JsonProcessingException e) {
        return respond(new ProblemException(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON.").toProblem());
    }

    /** Two writers raced past the If-Match check; the database version check caught the second. */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response staleWrite(Exception e) {
        return respond(ProblemException.preconditionFailed("The resource was changed concurrently; fetch it again.").toProblem());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        Problem problem = new ProblemException(ProblemType.UNAUTHENTICATED, "A valid bearer token is required.").toProblem();
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").entity(problem).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(ProblemException.forbidden("You may not perform this operation.").toProblem());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        // The JSON body reader reports unreadable bodies as a 400 wrapping Jackson's exception.
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadable(mapping);
        }
        if (e.getCause() instanceof JsonProcessingException syntax) {
            return jsonSyntax(syntax);
        }
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String detail = status >= 500 ? "The server could not complete the request." : e.getMessage();
        // RFC 9457: a status without a type of ours is "about:blank", titled by its reason phrase.
        Problem problem = ProblemType.forStatus(status)
                .map(type -> new Problem(type.uri(), type.title(), status, detail, List.of()))
                .orElseGet(() -> new Problem(URI.create("about:blank"), e.getResponse().getStatusInfo().getReasonPhrase(),
                        status, detail, List.of()));
        return respond(problem);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        // Unwrap failures that carry one of ours (e.g. from Mutiny or Hibernate wrappers).
        Throwable cause = e.getCause();
        while (cause != null && cause != cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return staleWrite((Exception) cause);
            }
            cause = cause.getCause();
        }
        LOG.error("unexpected error", e);
        return respond(new ProblemException(ProblemType.INTERNAL, "The server could not complete the request.").toProblem());
    }

    private Response unreadable(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            return respond(new ProblemException(ProblemType.MALFORMED_REQUEST, "The request body has the wrong shape.").toProblem());
        }
        Throwable root = e.getCause() != null ? e.getCause() : e;
        String message = root instanceof IllegalArgumentException ? root.getMessage() : "has the wrong type or format";
        return respond(ProblemException.invalid(field, message).toProblem());
    }

    /** The JSON field of a violation: the path below the method parameter (body.name → name). */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        // A violation on the parameter itself (a missing body) has no field below it.
        return field.isEmpty() ? "body" : field.toString();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}

package io.tollgate.controlplane.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A bearer token that fails authentication (bad signature, expired, revoked access token) is rejected by
 * the HTTP security layer before any REST resource or exception mapper runs. This gives that 401 the same
 * problem body as every other error.
 */
@ApplicationScoped
public class AuthenticationFailureHandler {

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().failureHandler(context -> {
            if (!(context.failure() instanceof AuthenticationFailedException) || context.response().ended()) {
                context.next();
                return;
            }
            Problem problem = new ProblemException(ProblemType.UNAUTHENTICATED,
                    "The bearer token is invalid, expired or revoked.").toProblem();
            try {
                context.response().setStatusCode(401)
                        .putHeader("WWW-Authenticate", "Bearer")
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                context.next();
            }
        });
    }
}

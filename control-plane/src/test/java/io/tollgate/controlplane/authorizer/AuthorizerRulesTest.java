package io.tollgate.controlplane.authorizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tollgate.controlplane.problem.Problem;
import io.tollgate.controlplane.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizerRulesTest {

    @Test
    void a_request_authorizer_caches_answers_for_300_seconds_by_default() {
        AuthorizerSpec checked = AuthorizerRules.check(new AuthorizerSpec("auth", "request", null, null, null,
                "https://auth.example.test", List.of("$request.header.Authorization"), null));
        assertEquals("REQUEST", checked.type());
        assertEquals(300, checked.resultTtlSeconds());
    }

    @Test
    void a_jwt_authorizer_needs_issuer_and_jwks_and_takes_no_request_fields() {
        ProblemException e = assertThrows(ProblemException.class, () -> AuthorizerRules.check(new AuthorizerSpec("jwt", "JWT",
                null, null, null, null, null, 10)));
        assertEquals(List.of("issuer", "jwksUri", "resultTtlSeconds"),
                e.violations().stream().map(Problem.Violation::field).toList());
    }
}

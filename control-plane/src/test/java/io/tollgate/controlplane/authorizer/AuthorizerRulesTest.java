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
                "https://auth.example.test", List.of("$request.header.Authorization"), null, null, null));
        assertEquals("REQUEST", checked.type());
        assertEquals(300, checked.resultTtlSeconds());
    }

    @Test
    void a_jwt_authorizer_needs_issuer_and_jwks_and_takes_no_request_fields() {
        ProblemException e = assertThrows(ProblemException.class, () -> AuthorizerRules.check(new AuthorizerSpec("jwt", "JWT",
                null, null, null, null, null, 10, null, null)));
        assertEquals(List.of("issuer", "jwksUri", "resultTtlSeconds"),
                e.violations().stream().map(Problem.Violation::field).toList());
    }

    @Test
    void a_jwt_authorizer_reads_the_authorization_header_with_60_seconds_of_skew_by_default() {
        AuthorizerSpec checked = AuthorizerRules.check(new AuthorizerSpec("jwt", "JWT", "https://id.example.test",
                null, "https://id.example.test/certs", null, null, null, null, null));
        assertEquals("$request.header.Authorization", checked.identitySource());
        assertEquals(60, checked.clockSkewSeconds());
        AuthorizerSpec custom = AuthorizerRules.check(new AuthorizerSpec("jwt", "JWT", "https://id.example.test",
                null, "https://id.example.test/certs", null, null, null, " $request.querystring.access_token ", 0));
        assertEquals("$request.querystring.access_token", custom.identitySource());
        assertEquals(0, custom.clockSkewSeconds());
    }

    @Test
    void a_jwt_identity_source_must_be_a_header_or_query_string_and_the_skew_at_most_ten_minutes() {
        for (String source : List.of("Authorization", "$request.path.token", "$context.authorizer.x", "$request.header.",
                "$request.header.Bad Name")) {
            ProblemException e = assertThrows(ProblemException.class, () -> AuthorizerRules.check(new AuthorizerSpec("jwt",
                    "JWT", "https://id.example.test", null, "https://id.example.test/certs", null, null, null, source, 601)));
            assertEquals(List.of("clockSkewSeconds", "identitySource"),
                    e.violations().stream().map(Problem.Violation::field).toList(), source);
        }
        ProblemException negative = assertThrows(ProblemException.class, () -> AuthorizerRules.check(new AuthorizerSpec("jwt",
                "JWT", "https://id.example.test", null, "https://id.example.test/certs", null, null, null, null, -1)));
        assertEquals(List.of("clockSkewSeconds"), negative.violations().stream().map(Problem.Violation::field).toList());
    }

    @Test
    void a_request_authorizer_takes_no_jwt_fields() {
        ProblemException e = assertThrows(ProblemException.class, () -> AuthorizerRules.check(new AuthorizerSpec("auth",
                "REQUEST", null, null, null, "https://auth.example.test", null, null, "$request.header.Authorization", 30)));
        assertEquals(List.of("clockSkewSeconds", "identitySource"),
                e.violations().stream().map(Problem.Violation::field).toList());
    }
}

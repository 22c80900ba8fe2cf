package io.tollgate.console.ui.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tollgate.console.client.ApiProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateChecksTest {

    @Test
    void every_failed_check_gets_its_own_line_named_by_what_was_pasted() {
        ApiProblem problem = new ApiProblem(400, "Invalid request", "The request has invalid fields", List.of(
                new ApiProblem.Violation("chainPem[0]", "expired at 2025-01-01T00:00:00Z"),
                new ApiProblem.Violation("chainPem[0]", "does not name api.example.com among its subject alternative DNS names []"),
                new ApiProblem.Violation("chainPem[1]", "is not valid before 2030-01-01T00:00:00Z"),
                new ApiProblem.Violation("privateKeyPem", "does not belong to the public key of chainPem[0]")));
        assertEquals(List.of(
                "Certificate 1 (the leaf): expired at 2025-01-01T00:00:00Z",
                "Certificate 1 (the leaf): does not name api.example.com among its subject alternative DNS names []",
                "Certificate 2: is not valid before 2030-01-01T00:00:00Z",
                "The private key: does not belong to the public key of chainPem[0]"), CertificateChecks.describe(problem));
    }

    @Test
    void fields_map_to_the_chain_or_the_key() {
        assertEquals("The certificate chain", CertificateChecks.subject("chainPem"));
        assertEquals("somethingElse", CertificateChecks.subject("somethingElse"));
        assertTrue(CertificateChecks.aboutChain("chainPem[3]"));
        assertFalse(CertificateChecks.aboutChain("privateKeyPem"));
    }
}

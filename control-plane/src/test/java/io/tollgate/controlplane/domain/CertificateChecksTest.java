package io.tollgate.controlplane.domain;

import static io.tollgate.controlplane.domain.TestCertificates.chain;
import static io.tollgate.controlplane.domain.TestCertificates.ec;
import static io.tollgate.controlplane.domain.TestCertificates.intermediate;
import static io.tollgate.controlplane.domain.TestCertificates.leaf;
import static io.tollgate.controlplane.domain.TestCertificates.root;
import static io.tollgate.controlplane.domain.TestCertificates.rsa;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tollgate.contract.pem.Pem;
import io.tollgate.controlplane.problem.Problem;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.problem.ProblemType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateChecksTest {

    private static final String HOST = "api.example.test";
    private static final TestCertificates.Issued ROOT = root("Test Root");
    private static final TestCertificates.Issued INTERMEDIATE = intermediate("Test Intermediate", ROOT);

    @Test
    void a_leaf_intermediate_root_chain_with_its_ec_key_passes_and_is_summarised() {
        TestCertificates.Issued leaf = leaf(INTERMEDIATE, ec(), HOST, "www.example.test");
        CertificateChecks.Checked checked = CertificateChecks.check(chain(leaf, INTERMEDIATE, ROOT), leaf.privateKeyPem(),
                HOST, Instant.now());
        CertificateSummary summary = checked.summary();
        assertEquals("CN=" + HOST, summary.subject());
        assertEquals("CN=Test Intermediate", summary.issuer());
        assertEquals(List.of(HOST, "www.example.test"), summary.subjectAlternativeNames());
        assertEquals(leaf.certificate().getNotAfter().toInstant(), summary.notAfter());
        assertEquals("EC", summary.keyAlgorithm());
        assertEquals(3, summary.chainLength());
        assertEquals(32 * 3 - 1, summary.sha256Fingerprint().length(), "32 hex pairs with colons");
        // What is stored loads on the gateway with the same reader, unchanged.
        assertEquals(3, Pem.certificates(checked.chainPem()).length);
        assertEquals(leaf.certificate(), Pem.certificates(checked.chainPem())[0]);
        assertEquals(leaf.keys().getPrivate(), Pem.privateKey(checked.privateKeyPem()));
    }

    @Test
    void an_rsa_leaf_with_its_key_passes() {
        TestCertificates.Issued leaf = leaf(INTERMEDIATE, rsa(), HOST);
        CertificateChecks.Checked checked = CertificateChecks.check(chain(leaf, INTERMEDIATE), leaf.privateKeyPem(), HOST,
                Instant.now());
        assertEquals("RSA", checked.summary().keyAlgorithm());
    }

    @Test
    void a_wildcard_covers_exactly_one_label() {
        TestCertificates.Issued leaf = leaf(ROOT, ec(), "*.example.test");
        CertificateChecks.check(chain(leaf, ROOT), leaf.privateKeyPem(), HOST, Instant.now());
        assertViolations(() -> CertificateChecks.check(chain(leaf, ROOT), leaf.privateKeyPem(), "a.api.example.test",
                Instant.now()), "chainPem[0]");
        assertViolations(() -> CertificateChecks.check(chain(leaf, ROOT), leaf.privateKeyPem(), "example.test",
                Instant.now()), "chainPem[0]");
        assertTrue(CertificateChecks.covers("*.example.test", "API.example.test"));
        assertFalse(CertificateChecks.covers("*.example.test", ".example.test"));
    }

    @Test
    void missing_and_unparsable_pems_are_both_reported() {
        List<Problem.Violation> missing = assertViolations(() -> CertificateChecks.check(null, " ", HOST, Instant.now()),
                "chainPem", "privateKeyPem");
        assertEquals("is required", missing.get(0).message());
        List<Problem.Violation> garbage = assertViolations(() -> CertificateChecks.check("hello", "-----BEGIN PRIVATE KEY-----\n"
                + "AAAA\n-----END PRIVATE KEY-----\n", HOST, Instant.now()), "chainPem", "privateKeyPem");
        assertTrue(garbage.get(0).message().startsWith("not a PEM certificate chain"), garbage.toString());
    }

    @Test
    void a_traditional_openssl_key_is_refused_with_the_conversion_command() {
        TestCertificates.Issued leaf = leaf(ROOT, ec(), HOST);
        String traditional = TestCertificates.pem(leaf.keys().getPrivate());
        assertTrue(traditional.contains("BEGIN EC PRIVATE KEY"));
        List<Problem.Violation> violations = assertViolations(() -> CertificateChecks.check(chain(leaf, ROOT), traditional,
                HOST, Instant.now()), "privateKeyPem");
        assertTrue(violations.get(0).message().contains("openssl pkcs8 -topk8 -nocrypt"), violations.toString());
    }

    @Test
    void a_chain_out_of_order_names_the_certificate_not_signed_by_the_next() {
        TestCertificates.Issued leaf = leaf(INTERMEDIATE, ec(), HOST);
        // The root before the intermediate: the leaf is not signed by the root.
        List<Problem.Violation> violations = assertViolations(() -> CertificateChecks.check(chain(leaf, ROOT, INTERMEDIATE),
                leaf.privateKeyPem(), HOST, Instant.now()), "chainPem[0]", "chainPem[1]");
        assertTrue(violations.get(0).message().startsWith("is not signed by the certificate after it"), violations.toString());
    }

    @Test
    void an_issuer_with_the_right_name_but_another_key_does_not_sign() {
        TestCertificates.Issued impostor = root("Test Intermediate"); // same subject, other key
        TestCertificates.Issued leaf = leaf(INTERMEDIATE, ec(), HOST);
        assertViolations(() -> CertificateChecks.check(chain(leaf, impostor), leaf.privateKeyPem(), HOST, Instant.now()),
                "chainPem[0]");
    }

    @Test
    void a_leaf_for_another_hostname_is_refused_with_the_names_it_has() {
        TestCertificates.Issued leaf = leaf(ROOT, ec(), "other.example.test");
        List<Problem.Violation> violations = assertViolations(() -> CertificateChecks.check(chain(leaf, ROOT),
                leaf.privateKeyPem(), HOST, Instant.now()), "chainPem[0]");
        assertTrue(violations.get(0).message().contains("[other.example.test]"), violations.toString());
    }

    @Test
    void a_key_of_another_pair_or_another_algorithm_does_not_match_the_leaf() {
        TestCertificates.Issued leaf = leaf(ROOT, ec(), HOST);
        TestCertificates.Issued otherEc = leaf(ROOT, ec(), HOST);
        TestCertificates.Issued otherRsa = leaf(ROOT, rsa(), HOST);
        assertViolations(() -> CertificateChecks.check(chain(leaf, ROOT), otherEc.privateKeyPem(), HOST, Instant.now()),
                "privateKeyPem");
        assertViolations(() -> CertificateChecks.check(chain(leaf, ROOT), otherRsa.privateKeyPem(), HOST, Instant.now()),
                "privateKeyPem");
        TestCertificates.Issued rsaLeaf = leaf(ROOT, rsa(), HOST);
        TestCertificates.Issued otherRsaLeaf = leaf(ROOT, rsa(), HOST);
        assertViolations(() -> CertificateChecks.check(chain(rsaLeaf, ROOT), otherRsaLeaf.privateKeyPem(), HOST,
                Instant.now()), "privateKeyPem");
    }

    @Test
    void expired_and_not_yet_valid_certificates_are_refused() {
        Instant now = Instant.now();
        TestCertificates.Issued expired = leaf(ROOT, ec(), now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)), HOST);
        List<Problem.Violation> old = assertViolations(() -> CertificateChecks.check(chain(expired, ROOT),
                expired.privateKeyPem(), HOST, now), "chainPem[0]");
        assertTrue(old.get(0).message().startsWith("expired at "), old.toString());
        TestCertificates.Issued future = leaf(ROOT, ec(), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), HOST);
        List<Problem.Violation> early = assertViolations(() -> CertificateChecks.check(chain(future, ROOT),
                future.privateKeyPem(), HOST, now), "chainPem[0]");
        assertTrue(early.get(0).message().startsWith("is not valid before "), early.toString());
    }

    @Test
    void every_failing_check_is_listed_at_once() {
        Instant now = Instant.now();
        TestCertificates.Issued expired = leaf(ROOT, ec(), now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)),
                "other.example.test");
        TestCertificates.Issued stranger = leaf(ROOT, ec(), HOST);
        List<Problem.Violation> violations = assertViolations(() -> CertificateChecks.check(chain(expired, INTERMEDIATE),
                stranger.privateKeyPem(), HOST, now), "chainPem[0]", "chainPem[0]", "chainPem[0]", "privateKeyPem");
        assertEquals(4, violations.size(), violations.toString());
    }

    private static List<Problem.Violation> assertViolations(Runnable check, String... fields) {
        ProblemException problem = assertThrows(ProblemException.class, check::run);
        assertEquals(ProblemType.VALIDATION, problem.type());
        assertEquals(List.of(fields), problem.violations().stream().map(Problem.Violation::field).toList(),
                problem.violations().toString());
        return problem.violations();
    }
}

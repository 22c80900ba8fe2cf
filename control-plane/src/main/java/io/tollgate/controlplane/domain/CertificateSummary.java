package io.tollgate.controlplane.domain;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the API shows of an uploaded certificate: its leaf, never the key. */
@Schema(description = "The uploaded certificate's leaf, as the gateway presents it")
public record CertificateSummary(
        @Schema(description = "Subject distinguished name, e.g. CN=api.example.com") String subject,
        @Schema(description = "Issuer distinguished name") String issuer,
        @Schema(description = "DNS names of the subject alternative name extension; the hostname matches one")
        List<String> subjectAlternativeNames,
        @Schema(description = "Start of validity") Instant notBefore,
        @Schema(description = "End of validity: upload a renewed certificate before then") Instant notAfter,
        @Schema(description = "SHA-256 of the leaf's DER encoding, lower-case hex with colons") String sha256Fingerprint,
        @Schema(description = "Algorithm of the key: RSA, EC or Ed25519") String keyAlgorithm,
        @Schema(description = "Number of certificates in the chain, leaf included") int chainLength) {
}

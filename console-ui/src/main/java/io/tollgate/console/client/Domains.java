package io.tollgate.console.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** The tenant API's custom domain documents (/v1/tenants/{t}/domains/…) as the console reads and writes them. */
public final class Domains {

    private Domains() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Domain(String id, String hostname, String status, VerificationRecord verification, Instant verifiedAt,
                         Certificate certificate, Instant createdAt) {

        public boolean verified() {
            return "VERIFIED".equals(status);
        }
    }

    /** The DNS record that proves control of the hostname. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VerificationRecord(String type, String name, String value) {
    }

    /** The uploaded certificate's leaf (the key is never returned). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Certificate(String subject, String issuer, List<String> subjectAlternativeNames, Instant notBefore,
                              Instant notAfter, String sha256Fingerprint, String keyAlgorithm, int chainLength) {
    }

    public record NewDomain(String hostname) {
    }

    public record CertificateUpload(String chainPem, String privateKeyPem) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mapping(String id, String domainId, String basePath, String apiId, String stage, Instant createdAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MappingSpec(String basePath, String apiId, String stage) {
    }
}

package io.tollgate.controlplane.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tollgate.controlplane.web.JsonDocs;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A hostname a tenant claims; the gateway serves it once it is verified. */
@Entity
@Table(name = "custom_domain")
public class CustomDomain extends PanacheEntityBase {

    public enum Status { PENDING_VERIFICATION, VERIFIED }

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false, updatable = false)
    public String hostname;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "verification_token", nullable = false, updatable = false)
    public String verificationToken;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "certificate_chain")
    public String certificateChain;

    /** Sealed for the record key {@code domain:<id>}: published to the gateway as it is stored. */
    @Column(name = "sealed_private_key")
    public String sealedPrivateKey;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "certificate_summary")
    public String certificateSummary;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    public boolean verified() {
        return status == Status.VERIFIED;
    }

    public boolean hasCertificate() {
        return certificateChain != null;
    }

    CertificateSummary summary() {
        return JsonDocs.read(certificateSummary, CertificateSummary.class);
    }

    void attach(String chainPem, String sealedKey, CertificateSummary summary) {
        certificateChain = chainPem;
        sealedPrivateKey = sealedKey;
        certificateSummary = JsonDocs.write(summary);
    }

    void detachCertificate() {
        certificateChain = null;
        sealedPrivateKey = null;
        certificateSummary = null;
    }

    /** What the audit log keeps: never the key, sealed or not. */
    Map<String, Object> auditSummary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("hostname", hostname);
        summary.put("status", status.name());
        if (hasCertificate()) {
            CertificateSummary certificate = summary();
            summary.put("certificateSha256", certificate.sha256Fingerprint());
            summary.put("certificateNotAfter", certificate.notAfter().toString());
        }
        return summary;
    }
}

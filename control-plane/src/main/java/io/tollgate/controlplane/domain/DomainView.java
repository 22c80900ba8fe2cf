package io.tollgate.controlplane.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.tollgate.controlplane.web.Versioned;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A custom domain of the tenant")
public record DomainView(
        @Schema(description = "Domain id") UUID id,
        @Schema(description = "The hostname, lower-case") String hostname,
        @Schema(description = "PENDING_VERIFICATION until the TXT record is found, then VERIFIED: only verified "
                + "domains are served by the gateway") CustomDomain.Status status,
        @Schema(description = "The DNS record that proves control of the hostname") VerificationRecord verification,
        @Schema(description = "When the TXT record was found; absent while pending") Instant verifiedAt,
        @Schema(description = "The uploaded certificate; absent until one is uploaded (then the gateway serves the "
                + "domain over HTTP only)") CertificateSummary certificate,
        @Schema(description = "When it was added") Instant createdAt,
        @JsonIgnore @Schema(hidden = true) long version) implements Versioned {

    @Schema(description = "A DNS TXT record to create at the tenant's DNS provider")
    public record VerificationRecord(
            @Schema(description = "Record type: always TXT") String type,
            @Schema(description = "Record name: _tollgate-challenge.<hostname>") String name,
            @Schema(description = "Record value: the random token of this domain") String value) {
    }

    static DomainView of(CustomDomain domain) {
        return new DomainView(domain.id, domain.hostname, domain.status,
                new VerificationRecord("TXT", DomainRules.challengeName(domain.hostname), domain.verificationToken),
                domain.verifiedAt, domain.hasCertificate() ? domain.summary() : null, domain.createdAt, domain.version);
    }
}

package io.tollgate.controlplane.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the custom domain operations. */
public final class DomainRequests {

    private DomainRequests() {
    }

    @Schema(description = "A hostname to serve the tenant's APIs on")
    public record CreateDomain(
            @Schema(description = "Fully qualified DNS name, e.g. api.example.com; lower-cased; IDNs in their xn-- form")
            String hostname) {
    }

    @Schema(description = "A TLS certificate for the domain, replacing any earlier one")
    public record UploadCertificate(
            @Schema(description = "PEM certificates, leaf first, each followed by its issuer (the root may be left out)")
            String chainPem,
            @Schema(description = "The leaf's private key as unencrypted PEM PKCS#8 (BEGIN PRIVATE KEY), RSA, EC or "
                    + "Ed25519. Stored encrypted and never returned") String privateKeyPem) {
    }

    @Schema(description = "A base path of the domain that leads to an API stage")
    public record MappingSpec(
            @Schema(description = "Path prefix such as v1 or orders/v2, slashes at either end ignored; empty or absent "
                    + "maps the domain's root. Requests to https://<hostname>/<basePath>/… reach the stage with the "
                    + "base path removed") String basePath,
            @Schema(description = "Id of an API of this tenant") String apiId,
            @Schema(description = "Stage name of that API, e.g. prod") String stage) {
    }
}

package io.tollgate.controlplane.domain;

import io.tollgate.contract.v1.ConfigKind;
import io.tollgate.contract.v1.Sealing;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.problem.ProblemType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts custom domains' private keys at rest with the contract's {@link Sealing} (AES-256-GCM)
 * under {@code tollgate.config.seal-key}, the key the gateway nodes open them with, and with the
 * record key {@code domain:<id>} as associated data. So the stored value is exactly what the
 * DomainConfig record carries: publishing never decrypts, the control plane never holds a clear key
 * after the upload request, and a sealed value copied to another domain's row does not open.
 * (A separate at-rest key would only add a decrypt-and-reseal step on every publication, with the
 * clear key in memory each time, for no gain: both keys would live in the same configuration.)
 */
@ApplicationScoped
public class PrivateKeySealing {

    @ConfigProperty(name = "tollgate.config.seal-key")
    Optional<String> sealKey;

    private Sealing sealing;

    @PostConstruct
    void load() {
        // A malformed key fails the start; a missing one only refuses certificate uploads.
        sealing = sealKey.filter(key -> !key.isBlank()).map(Sealing::fromBase64).orElse(null);
    }

    public String seal(String privateKeyPem, UUID domainId) {
        if (sealing == null) {
            throw new ProblemException(ProblemType.INTERNAL, "Certificates cannot be stored: this control plane has no "
                    + "tollgate.config.seal-key configured.");
        }
        return sealing.seal(privateKeyPem.getBytes(StandardCharsets.US_ASCII), ConfigKind.DOMAIN.keyOf(domainId.toString()));
    }
}

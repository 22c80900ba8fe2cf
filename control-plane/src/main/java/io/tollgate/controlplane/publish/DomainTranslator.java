package io.tollgate.controlplane.publish;

import io.tollgate.contract.v1.DomainConfig;
import io.tollgate.controlplane.domain.BasePathMapping;
import io.tollgate.controlplane.domain.CustomDomain;
import java.util.Comparator;
import java.util.List;

/**
 * A verified custom domain as the data plane's {@link DomainConfig}: the hostname, the certificate
 * with its private key exactly as stored (already sealed for this record key), and every base path
 * mapping ordered by base path. Unverified domains are never translated.
 */
public final class DomainTranslator {

    private DomainTranslator() {
    }

    public static DomainConfig translate(CustomDomain domain, List<BasePathMapping> mappings, long revision) {
        if (!domain.verified()) {
            throw new IllegalArgumentException("only verified domains are published: " + domain.hostname);
        }
        DomainConfig.Certificate certificate = domain.hasCertificate()
                ? new DomainConfig.Certificate(domain.certificateChain, domain.sealedPrivateKey) : null;
        return new DomainConfig(domain.id.toString(), domain.tenantId.toString(), revision, domain.hostname, certificate,
                mappings.stream()
                        .sorted(Comparator.comparing((BasePathMapping m) -> m.basePath))
                        .map(m -> new DomainConfig.BasePathMapping(m.basePath, m.apiId.toString(), m.stage))
                        .toList());
    }
}

package io.tollgate.controlplane.domain;

import io.smallrye.mutiny.Uni;
import io.tollgate.contract.v1.ConfigKind;
import io.tollgate.controlplane.publish.ConfigOutbox;
import io.tollgate.controlplane.publish.DomainTranslator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Puts a domain's current state in the config outbox, inside the caller's transaction: the whole
 * DomainConfig (hostname, certificate, every mapping) for a verified domain, nothing for a pending
 * one (the gateway serves verified domains only), a tombstone for a deleted one.
 */
@ApplicationScoped
class DomainPublisher {

    @Inject
    MappingRepository mappings;

    @Inject
    ConfigOutbox outbox;

    Uni<Void> publish(CustomDomain domain) {
        return mappings.flush()
                .chain(() -> mappings.ofDomain(domain.tenantId, domain.id))
                .chain(all -> outbox.append(revision -> DomainTranslator.translate(domain, all, revision)))
                .replaceWithVoid();
    }

    Uni<Void> publishIfVerified(CustomDomain domain) {
        return domain.verified() ? publish(domain) : Uni.createFrom().voidItem();
    }

    /**
     * Always a tombstone, even for a domain that was never verified: it costs one compacted message
     * and keeps "deleted means gone from the topic" true whatever the domain's history.
     */
    Uni<Void> tombstone(CustomDomain domain) {
        return outbox.tombstone(ConfigKind.DOMAIN, domain.id).replaceWithVoid();
    }
}

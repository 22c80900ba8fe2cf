package io.tollgate.controlplane.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tollgate.contract.v1.ConfigKind;
import io.tollgate.controlplane.access.TenantAccess;
import io.tollgate.controlplane.audit.AuditLog;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.problem.ProblemType;
import io.tollgate.controlplane.web.ETags;
import io.tollgate.controlplane.web.Ids;
import io.tollgate.controlplane.web.Page;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Custom domains of a tenant: claim a hostname, prove control of it through DNS, attach a
 * certificate. Changes of verified domains also go to the config outbox, in the same transaction.
 */
@ApplicationScoped
public class DomainService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DomainRepository domains;

    @Inject
    DomainPublisher publisher;

    @Inject
    DnsTxtLookup dns;

    @Inject
    PrivateKeySealing sealing;

    @Inject
    AuditLog audit;

    @WithSession
    public Uni<Page<DomainView>> list(TenantAccess access, PageRequest page) {
        return domains.page(access.tenantId(), page).map(rows -> Page.of(rows, page, d -> d.id, DomainView::of));
    }

    @WithSession
    public Uni<DomainView> get(TenantAccess access, UUID domainId) {
        return domains.get(access.tenantId(), domainId).map(DomainView::of);
    }

    /**
     * Claims a hostname, pending verification. Several tenants may claim one hostname (only the one who
     * controls its DNS can verify it), but not one another tenant already verified.
     */
    @WithTransaction
    public Uni<DomainView> create(TenantAccess access, DomainRequests.CreateDomain request) {
        String hostname = DomainRules.hostname(request.hostname());
        return domains.ofTenant(access.tenantId(), hostname).chain(own -> {
            if (own != null) {
                throw ProblemException.conflict("This tenant already added " + hostname + " (domain " + own.id + ").");
            }
            return domains.verifiedElsewhere(hostname, null);
        }).chain(taken -> {
            if (taken != null) {
                throw ProblemException.conflict(hostname + " is already verified by another tenant.");
            }
            CustomDomain domain = new CustomDomain();
            domain.id = Ids.newId();
            domain.tenantId = access.tenantId();
            domain.hostname = hostname;
            domain.status = CustomDomain.Status.PENDING_VERIFICATION;
            domain.verificationToken = newToken();
            domain.createdAt = Instant.now();
            return domains.persist(domain).call(domains::flush)
                    .onFailure(UniqueViolations::is).transform(e -> ProblemException.conflict(
                            "This tenant already added " + hostname + "."))
                    .call(() -> audit.record(access.tenantId(), access.caller(), "domain.created", "domain", domain.id,
                            null, domain.auditSummary()))
                    .map(ignored -> DomainView.of(domain));
        });
    }

    /**
     * Looks the TXT record {@code _tollgate-challenge.<hostname>} up and marks the domain verified when
     * it holds the domain's token; otherwise answers what DNS returned instead. The lookup runs before
     * the transaction, so no database connection waits on DNS. Verifying a verified domain changes nothing.
     */
    public Uni<DomainView> verify(TenantAccess access, UUID domainId) {
        return Panache.withSession(() -> domains.get(access.tenantId(), domainId)).chain(domain -> {
            if (domain.verified()) {
                return Uni.createFrom().item(DomainView.of(domain));
            }
            String name = DomainRules.challengeName(domain.hostname);
            return dns.txt(name).chain(answer -> {
                checkAnswer(answer, name, domain.verificationToken);
                return Panache.withTransaction(() -> markVerified(access, domainId));
            });
        });
    }

    private Uni<DomainView> markVerified(TenantAccess access, UUID domainId) {
        return domains.lock(access.tenantId(), domainId).chain(domain -> {
            if (domain.verified()) {
                return Uni.createFrom().item(DomainView.of(domain));
            }
            return domains.verifiedElsewhere(domain.hostname, domain.id).chain(taken -> {
                if (taken != null) {
                    throw ProblemException.conflict(domain.hostname + " is already verified by another tenant.");
                }
                Map<String, Object> before = domain.auditSummary();
                domain.status = CustomDomain.Status.VERIFIED;
                domain.verifiedAt = Instant.now();
                return domains.flush()
                        .onFailure(UniqueViolations::is).transform(e -> ProblemException.conflict(
                                domain.hostname + " is already verified by another tenant."))
                        .chain(() -> publisher.publish(domain))
                        .call(() -> audit.record(access.tenantId(), access.caller(), "domain.verified", "domain", domain.id,
                                before, domain.auditSummary()))
                        .map(ignored -> DomainView.of(domain));
            });
        });
    }

    private static void checkAnswer(DnsTxtLookup.Answer answer, String name, String token) {
        switch (answer) {
            case DnsTxtLookup.Found found when found.values().stream().anyMatch(value -> value.strip().equals(token)) -> {
            }
            case DnsTxtLookup.Found found when found.values().isEmpty() -> throw new ProblemException(
                    ProblemType.DOMAIN_VERIFICATION_FAILED, "DNS has no TXT record at " + name + "; create one with the "
                    + "value " + token + " and verify again (DNS changes may take a while to propagate).");
            case DnsTxtLookup.Found found -> throw new ProblemException(ProblemType.DOMAIN_VERIFICATION_FAILED,
                    "The TXT records at " + name + " hold " + found.values() + ", not the token " + token + ".");
            case DnsTxtLookup.NoSuchName ignored -> throw new ProblemException(ProblemType.DOMAIN_VERIFICATION_FAILED,
                    "DNS answered that " + name + " does not exist (NXDOMAIN); create a TXT record there with the value "
                    + token + " and verify again.");
            case DnsTxtLookup.LookupFailed failed -> throw new ProblemException(ProblemType.DNS_UNAVAILABLE,
                    "The TXT record at " + name + " could not be looked up: " + failed.reason() + ". Try again later.");
        }
    }

    /** Validates and stores a certificate chain with its key (sealed); replaces any earlier certificate. */
    @WithTransaction
    public Uni<DomainView> uploadCertificate(TenantAccess access, UUID domainId, String ifMatch,
                                             DomainRequests.UploadCertificate request) {
        return domains.lock(access.tenantId(), domainId).chain(domain -> {
            ETags.check(ifMatch, domain.version);
            CertificateChecks.Checked checked = CertificateChecks.check(request.chainPem(), request.privateKeyPem(),
                    domain.hostname, Instant.now());
            Map<String, Object> before = domain.auditSummary();
            domain.attach(checked.chainPem(), sealing.seal(checked.privateKeyPem(), domain.id), checked.summary());
            return changed(access, domain, "domain.certificate_uploaded", before);
        });
    }

    /** Removes the certificate: the gateway then serves the domain over plain HTTP only. */
    @WithTransaction
    public Uni<DomainView> removeCertificate(TenantAccess access, UUID domainId, String ifMatch) {
        return domains.lock(access.tenantId(), domainId).chain(domain -> {
            ETags.check(ifMatch, domain.version);
            if (!domain.hasCertificate()) {
                throw ProblemException.notFound("This custom domain has no certificate.");
            }
            Map<String, Object> before = domain.auditSummary();
            domain.detachCertificate();
            return changed(access, domain, "domain.certificate_removed", before);
        });
    }

    /** Deletes the domain and its mappings; the gateway stops serving it (a tombstone on the config topic). */
    @WithTransaction
    public Uni<Void> delete(TenantAccess access, UUID domainId, String ifMatch) {
        return domains.lock(access.tenantId(), domainId).chain(domain -> {
            ETags.check(ifMatch, domain.version);
            return domains.delete(domain)
                    .call(() -> publisher.tombstone(domain))
                    .call(() -> audit.record(access.tenantId(), access.caller(), "domain.deleted", "domain", domain.id,
                            domain.auditSummary(), null));
        });
    }

    private Uni<DomainView> changed(TenantAccess access, CustomDomain domain, String action, Map<String, Object> before) {
        return domains.flush()
                .call(() -> publisher.publishIfVerified(domain))
                .call(() -> audit.record(access.tenantId(), access.caller(), action, "domain", domain.id, before,
                        domain.auditSummary()))
                .call(domains::flush)
                .map(ignored -> DomainView.of(domain));
    }

    /** 192 random bits, base64url: unguessable, and only letters, digits, '-' and '_' in a TXT value. */
    private static String newToken() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return "tollgate-verify-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}

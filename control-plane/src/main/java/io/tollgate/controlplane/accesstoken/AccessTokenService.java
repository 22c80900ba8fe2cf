package io.tollgate.controlplane.accesstoken;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.TenantAccess;
import io.tollgate.controlplane.audit.AuditLog;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.web.Ids;
import io.tollgate.controlplane.web.Page;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class AccessTokenService {

    @Inject
    AccessTokenRepository tokens;

    @Inject
    AuditLog audit;

    @WithSession
    public Uni<Page<AccessTokenView>> list(TenantAccess access, PageRequest page) {
        return tokens.page(access.tenantId(), page).map(rows -> Page.of(rows, page, t -> t.id, AccessTokenView::of));
    }

    @WithSession
    public Uni<AccessTokenView> get(TenantAccess access, UUID tokenId) {
        return find(access, tokenId).map(AccessTokenView::of);
    }

    /** Creates a token; the returned view is the only place its value ever appears. */
    @WithTransaction
    public Uni<AccessTokenView> create(TenantAccess access, AccessTokenRequests.CreateAccessToken request) {
        Instant now = Instant.now();
        AccessTokenRules.checkIssue(access.caller(), access.role(), request.role(), request.expiresAt(), now);
        AccessTokenSecrets.Secret secret = AccessTokenSecrets.generate();
        AccessToken token = new AccessToken();
        token.id = Ids.newId();
        token.tenantId = access.tenantId();
        token.name = request.name().strip();
        token.role = request.role();
        token.visiblePrefix = secret.visiblePrefix();
        token.secretSha256 = secret.sha256();
        token.createdAt = now;
        token.createdBy = access.caller().actorId();
        token.expiresAt = request.expiresAt();
        return tokens.persist(token)
                .call(() -> audit.record(access.tenantId(), access.caller(), "access_token.created", "access_token", token.id,
                        null, token.auditSummary()))
                .map(ignored -> AccessTokenView.of(token, secret.value()));
    }

    /** Revoking twice is harmless: the first revocation time stays. */
    @WithTransaction
    public Uni<AccessTokenView> revoke(TenantAccess access, UUID tokenId) {
        return find(access, tokenId).chain(token -> {
            if (token.revokedAt != null) {
                return Uni.createFrom().item(AccessTokenView.of(token));
            }
            Map<String, Object> before = token.auditSummary();
            token.revokedAt = Instant.now();
            return audit.record(access.tenantId(), access.caller(), "access_token.revoked", "access_token", token.id,
                    before, token.auditSummary()).map(ignored -> AccessTokenView.of(token));
        });
    }

    private Uni<AccessToken> find(TenantAccess access, UUID tokenId) {
        return tokens.findInTenant(access.tenantId(), tokenId).map(token -> {
            if (token == null) {
                throw ProblemException.notFound("No such access token in this tenant.");
            }
            return token;
        });
    }
}

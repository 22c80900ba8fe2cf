package io.tollgate.controlplane.apikey;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tollgate.contract.v1.ConfigKind;
import io.tollgate.controlplane.access.TenantAccess;
import io.tollgate.controlplane.audit.AuditLog;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.publish.ApiKeyTranslator;
import io.tollgate.controlplane.publish.ConfigOutbox;
import io.tollgate.controlplane.usageplan.UsagePlanRepository;
import io.tollgate.controlplane.web.ETags;
import io.tollgate.controlplane.web.Ids;
import io.tollgate.controlplane.web.Page;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** API keys of a tenant. Every change also goes to the config outbox, in the same transaction. */
@ApplicationScoped
public class ApiKeyService {

    @Inject
    ApiKeyRepository keys;

    @Inject
    UsagePlanRepository plans;

    @Inject
    ConfigOutbox outbox;

    @Inject
    AuditLog audit;

    @WithSession
    public Uni<Page<ApiKeyView>> list(TenantAccess access, PageRequest page) {
        return keys.page(access.tenantId(), page).map(rows -> Page.of(rows, page, k -> k.id, ApiKeyView::of));
    }

    @WithSession
    public Uni<ApiKeyView> get(TenantAccess access, UUID keyId) {
        return keys.get(access.tenantId(), keyId).map(ApiKeyView::of);
    }

    /**
     * Creates a key with a generated value, or with the imported {@code value} of the request. The view
     * returned carries a generated value: the only place it ever appears. An imported value is never echoed.
     */
    @WithTransaction
    public Uni<ApiKeyView> create(TenantAccess access, ApiKeyRequests.CreateApiKey request) {
        Instant now = Instant.now();
        return tenantPlans(access, request.usagePlanIds()).chain(found -> {
            ApiKeyRules.Settings settings = ApiKeyRules.checkCreate(request, found, now);
            boolean imported = request.value() != null;
            ApiKeySecrets.Secret secret = imported ? ApiKeySecrets.imported(request.value()) : ApiKeySecrets.generate();
            Uni<Boolean> inUse = imported ? keys.valueInUse(secret.sha256()) : Uni.createFrom().item(false);
            return inUse.chain(taken -> {
                if (taken) {
                    throw ProblemException.conflict("This key value is already in use; import another value.");
                }
                ApiKey key = new ApiKey();
                key.id = Ids.newId();
                key.tenantId = access.tenantId();
                key.visiblePrefix = secret.visiblePrefix();
                key.sha256 = secret.sha256();
                key.imported = imported;
                key.createdAt = now;
                key.apply(settings);
                return keys.persist(key).chain(ignored -> published(access, key, "api_key.created", null))
                        .map(view -> imported ? view : ApiKeyView.of(key, secret.value()));
            });
        });
    }

    /**
     * Changes name, enabled, expiry or plans. {@code replace} (PUT) gives absent fields their defaults;
     * otherwise (PATCH) absent fields keep their value.
     */
    @WithTransaction
    public Uni<ApiKeyView> update(TenantAccess access, UUID keyId, String ifMatch, ApiKeyRequests.UpdateApiKey request,
                                  boolean replace) {
        return keys.get(access.tenantId(), keyId).chain(key -> {
            ETags.check(ifMatch, key.version);
            ApiKeyRules.Settings current = key.settings();
            ApiKeyRules.Settings wanted = replace
                    ? new ApiKeyRules.Settings(request.name(), request.enabled() == null || request.enabled(),
                            request.expiresAt(), request.usagePlanIds())
                    : new ApiKeyRules.Settings(request.name() == null ? current.name() : request.name(),
                            request.enabled() == null ? current.enabled() : request.enabled(),
                            request.expiresAt() == null ? current.expiresAt() : request.expiresAt(),
                            request.usagePlanIds() == null ? current.usagePlanIds() : request.usagePlanIds());
            return tenantPlans(access, wanted.usagePlanIds()).chain(found -> {
                ApiKeyRules.Settings settings = ApiKeyRules.check(wanted, current.expiresAt(), found, Instant.now());
                Map<String, Object> before = key.auditSummary();
                key.apply(settings);
                return published(access, key, "api_key.updated", before);
            });
        });
    }

    @WithTransaction
    public Uni<Void> delete(TenantAccess access, UUID keyId, String ifMatch) {
        return keys.get(access.tenantId(), keyId).chain(key -> {
            ETags.check(ifMatch, key.version);
            return keys.delete(key)
                    .call(() -> outbox.tombstone(ConfigKind.API_KEY, key.id))
                    .call(() -> audit.record(access.tenantId(), access.caller(), "api_key.deleted", "api_key", key.id,
                            key.auditSummary(), null));
        });
    }

    private Uni<ApiKeyView> published(TenantAccess access, ApiKey key, String action, Map<String, Object> before) {
        return keys.flush()
                .call(() -> outbox.append(revision -> ApiKeyTranslator.translate(key, revision)))
                .call(() -> audit.record(access.tenantId(), access.caller(), action, "api_key", key.id, before,
                        key.auditSummary()))
                .call(keys::flush)
                .map(ignored -> ApiKeyView.of(key));
    }

    /** Which of the named plans are the tenant's, share-locked so none is deleted before this key commits. */
    private Uni<Set<UUID>> tenantPlans(TenantAccess access, List<String> usagePlanIds) {
        return plans.lockShared(access.tenantId(), ApiKeyRules.planIds(usagePlanIds))
                .map(rows -> rows.stream().map(plan -> plan.id).collect(Collectors.toSet()));
    }
}

package io.tollgate.controlplane.stage;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tollgate.contract.v1.ConfigKind;
import io.tollgate.controlplane.access.TenantAccess;
import io.tollgate.controlplane.api.ApiRepository;
import io.tollgate.controlplane.audit.AuditLog;
import io.tollgate.controlplane.deployment.Deployment;
import io.tollgate.controlplane.deployment.DeploymentRepository;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.problem.Violations;
import io.tollgate.controlplane.publish.ConfigOutbox;
import io.tollgate.controlplane.publish.StageTranslator;
import io.tollgate.controlplane.web.ETags;
import io.tollgate.controlplane.web.Ids;
import io.tollgate.controlplane.web.Page;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Stages of an API. Every change also goes to the config outbox, in the same transaction. */
@ApplicationScoped
public class StageService {

    /** The outcome of a put: the stage and whether it was created. */
    public record Put(StageView stage, boolean created) {
    }

    @Inject
    ApiRepository apis;

    @Inject
    StageRepository stages;

    @Inject
    DeploymentRepository deployments;

    @Inject
    ConfigOutbox outbox;

    @Inject
    AuditLog audit;

    @WithSession
    public Uni<Page<StageView>> list(TenantAccess access, UUID apiId, PageRequest page) {
        return apis.get(access.tenantId(), apiId)
                .chain(api -> stages.page(access.tenantId(), apiId, page))
                .map(rows -> Page.of(rows, page, s -> s.id, StageView::of));
    }

    @WithSession
    public Uni<StageView> get(TenantAccess access, UUID apiId, String name) {
        return stages.get(access.tenantId(), apiId, name).map(StageView::of);
    }

    /** Creates or replaces the stage. If-Match on a stage that does not exist answers 412, as HTTP says. */
    @WithTransaction
    public Uni<Put> put(TenantAccess access, UUID apiId, String name, String ifMatch, StageSpec request) {
        return apis.lock(access.tenantId(), apiId)
                .chain(api -> checked(access, apiId, name, request))
                .chain(spec -> stages.find(access.tenantId(), apiId, name).chain(stage -> {
                    if (stage == null && ifMatch != null && !ifMatch.isBlank() && !ifMatch.trim().equals("*")) {
                        throw ProblemException.preconditionFailed("If-Match was given but the stage " + name + " does not exist.");
                    }
                    if (stage != null) {
                        ETags.check(ifMatch, stage.version);
                    }
                    return save(access, apiId, name, stage, spec).map(view -> new Put(view, stage == null));
                }));
    }

    /**
     * Points the stage at a deployment just created, creating the stage with defaults if it does not
     * exist: CreateDeployment with a stage name. Runs inside the deployment's transaction, API locked.
     */
    public Uni<StageView> pointAt(TenantAccess access, Deployment deployment, String name) {
        Violations v = new Violations();
        StageRules.checkName(v, name);
        v.throwIfAny();
        return stages.find(access.tenantId(), deployment.apiId, name).chain(stage -> {
            String id = deployment.id.toString();
            StageSpec spec = stage == null ? StageSpec.pointingAt(id) : stage.spec().withDeployment(id);
            return save(access, deployment.apiId, name, stage, spec);
        });
    }

    /** The stage's cache generation after a flush. */
    @Schema(description = "The outcome of a cache flush: the stage and the cache generation its entries now belong to")
    public record CacheFlush(
            @Schema(description = "Name of the flushed stage") String stage,
            @Schema(description = "The stage's new cache generation; entries stored under an earlier one are no longer found")
            long cacheGeneration) {
    }

    /**
     * Flushes the stage's response cache: the next cache generation goes to every node with the
     * stage record, so old entries are no longer found anywhere (they expire by their TTL).
     */
    @WithTransaction
    public Uni<CacheFlush> flushCache(TenantAccess access, UUID apiId, String name) {
        return apis.lock(access.tenantId(), apiId).chain(api -> stages.get(access.tenantId(), apiId, name)).chain(stage -> {
            stage.cacheGeneration++;
            return stages.flush()
                    .call(() -> outbox.append(revision -> StageTranslator.translate(stage, revision)))
                    .call(() -> audit.record(access.tenantId(), access.caller(), "stage.cache.flushed", "stage", stage.id,
                            null, Map.of("name", stage.name, "cacheGeneration", stage.cacheGeneration)))
                    .map(ignored -> new CacheFlush(stage.name, stage.cacheGeneration));
        });
    }

    @WithTransaction
    public Uni<Void> delete(TenantAccess access, UUID apiId, String name, String ifMatch) {
        return apis.lock(access.tenantId(), apiId).chain(api -> stages.get(access.tenantId(), apiId, name)).chain(stage -> {
            ETags.check(ifMatch, stage.version);
            return stages.delete(stage)
                    .call(() -> outbox.tombstone(ConfigKind.STAGE, stage.id))
                    .call(() -> audit.record(access.tenantId(), access.caller(), "stage.deleted", "stage", stage.id,
                            stage.auditSummary(), null));
        });
    }

    private Uni<StageView> save(TenantAccess access, UUID apiId, String name, Stage existing, StageSpec spec) {
        Stage stage = existing != null ? existing : new Stage();
        Map<String, Object> before = existing == null ? null : existing.auditSummary();
        if (existing == null) {
            stage.id = Ids.newId();
            stage.tenantId = access.tenantId();
            stage.apiId = apiId;
            stage.name = name;
            stage.createdAt = Instant.now();
        }
        stage.apply(spec);
        Uni<?> stored = existing == null ? stages.persist(stage) : Uni.createFrom().item(stage);
        return stored
                .call(stages::flush)
                .call(() -> outbox.append(revision -> StageTranslator.translate(stage, revision)))
                .call(() -> audit.record(access.tenantId(), access.caller(), existing == null ? "stage.created" : "stage.updated",
                        "stage", stage.id, before, stage.auditSummary()))
                .call(stages::flush)
                .map(ignored -> StageView.of(stage));
    }

    /** Looks up the deployments the stage names, then checks every field at once. */
    private Uni<StageSpec> checked(TenantAccess access, UUID apiId, String name, StageSpec request) {
        UUID deploymentId = parse(request.deploymentId());
        UUID canaryId = request.canary() == null ? null : parse(request.canary().deploymentId());
        return find(access, apiId, deploymentId).chain(deployment -> find(access, apiId, canaryId).map(canary -> {
            Set<String> routeKeys = deployment == null ? Set.of() : deployment.content().routes().stream()
                    .map(r -> r.route().method() + " " + r.route().path()).collect(Collectors.toSet());
            return StageRules.check(name, request, new StageRules.Deployments(deployment != null, routeKeys, canary != null));
        }));
    }

    private Uni<Deployment> find(TenantAccess access, UUID apiId, UUID deploymentId) {
        return deploymentId == null ? Uni.createFrom().nullItem() : deployments.find(access.tenantId(), apiId, deploymentId);
    }

    private static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

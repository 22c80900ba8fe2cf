package io.tollgate.controlplane.deployment;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.TenantAccess;
import io.tollgate.controlplane.api.Api;
import io.tollgate.controlplane.api.ApiRepository;
import io.tollgate.controlplane.audit.AuditLog;
import io.tollgate.controlplane.authorizer.AuthorizerRepository;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.problem.Violations;
import io.tollgate.controlplane.publish.ConfigOutbox;
import io.tollgate.controlplane.publish.DeploymentTranslator;
import io.tollgate.controlplane.route.RouteRepository;
import io.tollgate.controlplane.stage.StageService;
import io.tollgate.controlplane.web.Ids;
import io.tollgate.controlplane.web.JsonDocs;
import io.tollgate.controlplane.web.Page;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Deployments: immutable, numbered snapshots of an API. Creating one locks the API (numbers 1, 2, 3…
 * without gaps or twins, and a consistent snapshot of its routes), stores the snapshot, publishes it,
 * and optionally points a stage at it, all in one transaction.
 */
@ApplicationScoped
public class DeploymentService {

    @Inject
    ApiRepository apis;

    @Inject
    RouteRepository routes;

    @Inject
    AuthorizerRepository authorizers;

    @Inject
    DeploymentRepository deployments;

    @Inject
    StageService stages;

    @Inject
    ConfigOutbox outbox;

    @Inject
    AuditLog audit;

    @WithSession
    public Uni<Page<DeploymentView>> list(TenantAccess access, UUID apiId, PageRequest page) {
        return apis.get(access.tenantId(), apiId)
                .chain(api -> deployments.page(access.tenantId(), apiId, page))
                .map(rows -> Page.of(rows, page, d -> d.id, d -> DeploymentView.of(d, null)));
    }

    @WithSession
    public Uni<DeploymentView> get(TenantAccess access, UUID apiId, UUID deploymentId) {
        return deployments.get(access.tenantId(), apiId, deploymentId).map(d -> DeploymentView.of(d, null));
    }

    @WithTransaction
    public Uni<DeploymentView> create(TenantAccess access, UUID apiId, CreateDeployment request) {
        Violations v = new Violations();
        v.maxLength(request.description(), 1024, "description");
        v.throwIfAny();
        return apis.lock(access.tenantId(), apiId).chain(api -> snapshot(access, api).chain(snapshot -> {
            List<String> problems = DeploymentRules.problems(snapshot);
            if (!problems.isEmpty()) {
                throw ProblemException.conflict("The API cannot be deployed: " + String.join("; ", problems) + ".");
            }
            return deployments.nextNumber(apiId).chain(number -> {
                Deployment deployment = new Deployment();
                deployment.id = Ids.newId();
                deployment.tenantId = access.tenantId();
                deployment.apiId = apiId;
                deployment.number = number;
                deployment.description = request.description();
                deployment.snapshot = JsonDocs.write(snapshot);
                deployment.createdAt = Instant.now();
                deployment.createdBy = access.caller().actorId();
                checkTranslates(deployment);
                String stageName = request.stageName() == null || request.stageName().isBlank() ? null : request.stageName().strip();
                return deployments.persist(deployment)
                        .call(deployments::flush)
                        .call(() -> outbox.append(revision -> DeploymentTranslator.translate(deployment, revision)))
                        .call(() -> audit.record(access.tenantId(), access.caller(), "deployment.created", "deployment",
                                deployment.id, null, deployment.auditSummary()))
                        .call(() -> stageName == null ? Uni.createFrom().voidItem() : stages.pointAt(access, deployment, stageName))
                        .map(ignored -> DeploymentView.of(deployment, stageName));
            });
        }));
    }

    private Uni<ApiSnapshot> snapshot(TenantAccess access, Api api) {
        return authorizers.ofApi(access.tenantId(), api.id).chain(foundAuthorizers -> routes.ofApi(access.tenantId(), api.id)
                .map(foundRoutes -> new ApiSnapshot(api.spec(),
                        foundAuthorizers.stream().map(a -> new ApiSnapshot.AuthorizerEntry(a.id, a.spec())).toList(),
                        foundRoutes.stream().map(r -> new ApiSnapshot.RouteEntry(r.id, r.spec())).toList())));
    }

    /**
     * The contract records check themselves; our rules should have caught everything already, so a
     * failure here is a gap in them, reported as a conflict rather than a record nodes would reject.
     */
    private static void checkTranslates(Deployment deployment) {
        try {
            DeploymentTranslator.translate(deployment, 0);
        } catch (IllegalArgumentException e) {
            throw ProblemException.conflict("The API cannot be deployed: " + e.getMessage() + ".");
        }
    }
}

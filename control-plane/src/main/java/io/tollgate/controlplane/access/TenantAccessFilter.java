package io.tollgate.controlplane.access;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.member.MemberRepository;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.problem.ProblemType;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The single place that admits a caller to a tenant. For every operation with a {@code {tenantId}}
 * path parameter it resolves the caller's role in that tenant and checks the operation's
 * {@link RequiresPermission}. A tenant the caller does not belong to answers 404 exactly like one
 * that does not exist, so tenant ids cannot be probed.
 */
public class TenantAccessFilter {

    public static final String TENANT_ID = "tenantId";

    @Inject
    CallerResolver callers;

    @Inject
    CurrentAccess currentAccess;

    @Inject
    MemberRepository members;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Void> admit(UriInfo uri, ResourceInfo resource) {
        String rawTenantId = uri.getPathParameters().getFirst(TENANT_ID);
        if (rawTenantId == null) {
            return Uni.createFrom().voidItem();
        }
        RequiresPermission required = resource.getResourceMethod().getAnnotation(RequiresPermission.class);
        if (required == null) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.INTERNAL,
                    "operation " + resource.getResourceMethod().getName() + " declares no permission"));
        }
        UUID tenantId = parse(rawTenantId);
        Caller caller = callers.current();
        return roleIn(tenantId, caller).map(role -> {
            if (role == null) {
                throw notFound();
            }
            if (!role.allows(required.value())) {
                throw ProblemException.forbidden("Your role " + role.wireName() + " in this tenant does not allow this; it needs "
                        + required.value().minimumRole().wireName() + " or higher.");
            }
            currentAccess.set(new TenantAccess(tenantId, caller, role));
            return null;
        });
    }

    private Uni<Role> roleIn(UUID tenantId, Caller caller) {
        return switch (caller) {
            case Caller.AccessToken token -> Uni.createFrom().item(token.tenantId().equals(tenantId) ? token.role() : null);
            case Caller.Person person -> Panache.withSession(() -> members.findRole(tenantId, person.subject()));
            case Caller.Platform platform -> Uni.createFrom().nullItem(); // member of no tenant: internal endpoints only
        };
    }

    private static UUID parse(String tenantId) {
        try {
            return UUID.fromString(tenantId);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No such tenant.");
    }
}

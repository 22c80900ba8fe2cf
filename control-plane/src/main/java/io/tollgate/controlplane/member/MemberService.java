package io.tollgate.controlplane.member;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.TenantAccess;
import io.tollgate.controlplane.audit.AuditLog;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.problem.ProblemType;
import io.tollgate.controlplane.tenant.TenantRepository;
import io.tollgate.controlplane.web.ETags;
import io.tollgate.controlplane.web.Page;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MemberService {

    @Inject
    MemberRepository members;

    @Inject
    TenantRepository tenants;

    @Inject
    AuditLog audit;

    @WithSession
    public Uni<Page<MemberView>> list(TenantAccess access, PageRequest page) {
        return members.page(access.tenantId(), page).map(rows -> Page.of(rows, page, m -> m.id, MemberView::of));
    }

    @WithSession
    public Uni<MemberView> get(TenantAccess access, UUID memberId) {
        return find(access, memberId).map(MemberView::of);
    }

    @WithTransaction
    public Uni<MemberView> changeRole(TenantAccess access, UUID memberId, String ifMatch, ChangeRole request) {
        return tenants.lock(access.tenantId())
                .chain(() -> find(access, memberId))
                .chain(member -> {
                    ETags.check(ifMatch, member.version);
                    if (member.role == request.role()) {
                        return Uni.createFrom().item(MemberView.of(member));
                    }
                    return members.countOwners(access.tenantId()).chain(owners -> {
                        refuseIf(MembershipRules.changeRole(access.role(), member.role, request.role(), owners));
                        Map<String, Object> before = member.auditSummary();
                        member.role = request.role();
                        return audit.record(access.tenantId(), access.caller(), "member.role_changed", "member", member.id,
                                        before, member.auditSummary())
                                .call(members::flush)
                                .map(ignored -> MemberView.of(member));
                    });
                });
    }

    @WithTransaction
    public Uni<Void> remove(TenantAccess access, UUID memberId, String ifMatch) {
        return tenants.lock(access.tenantId())
                .chain(() -> find(access, memberId))
                .chain(member -> {
                    ETags.check(ifMatch, member.version);
                    return members.countOwners(access.tenantId()).chain(owners -> {
                        refuseIf(MembershipRules.remove(access.role(), member.role, owners));
                        return members.delete(member)
                                .call(() -> audit.record(access.tenantId(), access.caller(), "member.removed", "member",
                                        member.id, member.auditSummary(), null));
                    });
                });
    }

    private Uni<Member> find(TenantAccess access, UUID memberId) {
        return members.findInTenant(access.tenantId(), memberId).map(member -> {
            if (member == null) {
                throw ProblemException.notFound("No such member in this tenant.");
            }
            return member;
        });
    }

    /** Taking away the last owner conflicts with the tenant's state; the other refusals are about the caller's role. */
    static void refuseIf(Optional<MembershipRules.Refusal> refusal) {
        refusal.ifPresent(r -> {
            throw new ProblemException(r == MembershipRules.Refusal.LAST_OWNER ? ProblemType.CONFLICT : ProblemType.FORBIDDEN,
                    r.reason());
        });
    }
}

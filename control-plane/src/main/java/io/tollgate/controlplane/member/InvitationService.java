package io.tollgate.controlplane.member;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.Caller;
import io.tollgate.controlplane.access.TenantAccess;
import io.tollgate.controlplane.audit.AuditLog;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.web.Ids;
import io.tollgate.controlplane.web.Page;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class InvitationService {

    @Inject
    InvitationRepository invitations;

    @Inject
    MemberRepository members;

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "tollgate.invitations.time-to-live", defaultValue = "P14D")
    Duration timeToLive;

    @WithSession
    public Uni<Page<InvitationView>> list(TenantAccess access, PageRequest page) {
        return invitations.page(access.tenantId(), page).map(rows -> Page.of(rows, page, i -> i.id, InvitationView::of));
    }

    @WithTransaction
    public Uni<InvitationView> invite(TenantAccess access, CreateInvitation request) {
        MemberService.refuseIf(MembershipRules.grant(access.role(), request.role()));
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        return members.count("tenantId = ?1 and lower(email) = ?2", access.tenantId(), email)
                .chain(existing -> {
                    if (existing > 0) {
                        throw ProblemException.conflict(email + " is already a member of this tenant.");
                    }
                    return invitations.existsFor(access.tenantId(), email);
                })
                .chain(pending -> {
                    if (pending) {
                        throw ProblemException.conflict(email + " already has a pending invitation; revoke it to send another.");
                    }
                    Invitation invitation = new Invitation();
                    invitation.id = Ids.newId();
                    invitation.tenantId = access.tenantId();
                    invitation.email = email;
                    invitation.role = request.role();
                    invitation.invitedBy = access.caller().actorId();
                    invitation.createdAt = Instant.now();
                    invitation.expiresAt = invitation.createdAt.plus(timeToLive);
                    return invitations.persist(invitation)
                            .call(() -> audit.record(access.tenantId(), access.caller(), "invitation.created", "invitation",
                                    invitation.id, null, invitation.auditSummary()))
                            .map(InvitationView::of);
                });
    }

    @WithTransaction
    public Uni<Void> revoke(TenantAccess access, UUID invitationId) {
        return invitations.findInTenant(access.tenantId(), invitationId).chain(invitation -> {
            if (invitation == null) {
                throw ProblemException.notFound("No such invitation in this tenant.");
            }
            return invitations.delete(invitation).call(() -> audit.record(access.tenantId(), access.caller(),
                    "invitation.revoked", "invitation", invitation.id, invitation.auditSummary(), null));
        });
    }

    /**
     * Turns the pending invitations of the person's verified email into memberships. Most requests find
     * none with one indexed read and no transaction; only when some are pending is a transaction opened.
     *
     * @return how many tenants the person joined
     */
    @WithSession
    public Uni<Integer> acceptPending(Caller.Person person) {
        String email = person.verifiedEmail();
        if (email == null) {
            return Uni.createFrom().item(0);
        }
        String normalized = email.toLowerCase(Locale.ROOT);
        return invitations.pendingFor(normalized, Instant.now()).chain(found -> found.isEmpty()
                ? Uni.createFrom().item(0)
                : Panache.withTransaction(() -> invitations.pendingFor(normalized, Instant.now())
                        .chain(pending -> accept(person, pending))));
    }

    private Uni<Integer> accept(Caller.Person person, List<Invitation> pending) {
        return Multi.createFrom().iterable(pending)
                .onItem().transformToUniAndConcatenate(invitation -> members.isMember(invitation.tenantId, person.subject())
                        .chain(already -> {
                            Uni<Void> join = already ? Uni.createFrom().voidItem() : join(person, invitation);
                            return join.call(() -> invitations.delete(invitation)).replaceWith(already ? 0 : 1);
                        }))
                .collect().asList()
                .map(joined -> joined.stream().mapToInt(Integer::intValue).sum());
    }

    private Uni<Void> join(Caller.Person person, Invitation invitation) {
        Member member = Member.join(invitation.tenantId, person, invitation.role);
        return members.persist(member).call(() -> audit.record(invitation.tenantId, person, "invitation.accepted", "member",
                member.id, invitation.auditSummary(), member.auditSummary())).replaceWithVoid();
    }
}

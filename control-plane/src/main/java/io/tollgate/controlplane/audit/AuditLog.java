package io.tollgate.controlplane.audit;

import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.Caller;
import io.tollgate.controlplane.web.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Writes audit entries. Callers invoke it inside the transaction of the change they record, so a change
 * and its entry commit or roll back together: no change without its entry, no entry without its change.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    AuditRepository entries;

    /**
     * @param before summary of the resource before the change, or null on creation
     * @param after summary after the change, or null on deletion
     */
    public Uni<Void> record(UUID tenantId, Caller actor, String action, String targetType, UUID targetId,
                            Map<String, Object> before, Map<String, Object> after) {
        AuditEntry entry = new AuditEntry();
        entry.id = Ids.newId();
        entry.tenantId = tenantId;
        entry.occurredAt = Instant.now();
        entry.actorType = actor.actorType();
        entry.actorId = actor.actorId();
        entry.actorName = actor.actorName();
        entry.action = action;
        entry.targetType = targetType;
        entry.targetId = targetId.toString();
        entry.before = before;
        entry.after = after;
        return entries.persist(entry).replaceWithVoid();
    }
}

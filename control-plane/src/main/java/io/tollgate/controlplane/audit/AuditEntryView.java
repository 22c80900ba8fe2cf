package io.tollgate.controlplane.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One audited change to the tenant")
public record AuditEntryView(
        @Schema(description = "Entry id; entries are listed newest first") UUID id,
        @Schema(description = "When the change was committed") Instant occurredAt,
        @Schema(description = "Who made the change") Actor actor,
        @Schema(description = "What was done, e.g. member.role_changed") String action,
        @Schema(description = "What it was done to") Target target,
        @Schema(description = "Summary of the resource before the change; absent on creation") Map<String, Object> before,
        @Schema(description = "Summary of the resource after the change; absent on deletion") Map<String, Object> after) {

    public record Actor(@Schema(description = "user, access_token or platform (the platform's own services)") String type,
                        @Schema(description = "Keycloak subject or access token id") String id,
                        @Schema(description = "Email, username or token name") String name) {
    }

    public record Target(@Schema(description = "Kind of resource, e.g. member") String type,
                         @Schema(description = "Its id") String id) {
    }

    static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(entry.id, entry.occurredAt, new Actor(entry.actorType, entry.actorId, entry.actorName),
                entry.action, new Target(entry.targetType, entry.targetId), entry.before, entry.after);
    }
}

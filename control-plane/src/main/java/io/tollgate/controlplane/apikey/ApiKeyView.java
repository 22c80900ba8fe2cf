package io.tollgate.controlplane.apikey;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.tollgate.controlplane.web.Versioned;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An API key; a generated value appears only in the response that created it")
public record ApiKeyView(
        @Schema(description = "Key id") UUID id,
        @Schema(description = "What it is for") String name,
        @Schema(description = "First characters of the value, to recognise it") String prefix,
        @Schema(description = "Whether the value was imported rather than generated") boolean imported,
        @Schema(description = "Whether the gateway accepts it") boolean enabled,
        @Schema(description = "When it stops working; absent means never") Instant expiresAt,
        @Schema(description = "Ids of the usage plans it is linked to") List<String> usagePlanIds,
        @Schema(description = "When it was created") Instant createdAt,
        @Schema(description = "The generated value: present only on creation, store it now") String value,
        @JsonIgnore @Schema(hidden = true) long version) implements Versioned {

    static ApiKeyView of(ApiKey key) {
        return of(key, null);
    }

    static ApiKeyView of(ApiKey key, String value) {
        return new ApiKeyView(key.id, key.name, key.visiblePrefix, key.imported, key.enabled, key.expiresAt, key.planIds(),
                key.createdAt, value, key.version);
    }
}

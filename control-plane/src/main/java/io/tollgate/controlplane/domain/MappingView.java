package io.tollgate.controlplane.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.tollgate.controlplane.web.Versioned;

@Schema(description = "A base path mapping of a custom domain")
public record MappingView(
        @Schema(description = "Mapping id") UUID id,
        @Schema(description = "Id of the domain it belongs to") UUID domainId,
        @Schema(description = "Path prefix without slashes at either end; empty for the domain's root") String basePath,
        @Schema(description = "Id of the API it leads to") UUID apiId,
        @Schema(description = "Stage of that API") String stage,
        @Schema(description = "When it was created") Instant createdAt,
        @JsonIgnore @Schema(hidden = true) long version) implements Versioned {

    static MappingView of(BasePathMapping mapping) {
        return new MappingView(mapping.id, mapping.domainId, mapping.basePath, mapping.apiId, mapping.stage,
                mapping.createdAt, mapping.version);
    }
}

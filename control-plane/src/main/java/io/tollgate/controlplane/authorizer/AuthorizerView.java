package io.tollgate.controlplane.authorizer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.tollgate.controlplane.web.Versioned;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An authorizer of an API")
public record AuthorizerView(
        @Schema(description = "Authorizer id, referenced by routes' authorization.authorizerId") UUID id,
        @Schema(description = "Name") String name,
        @Schema(description = "JWT or REQUEST") String type,
        @Schema(description = "JWT: issuer") String issuer,
        @Schema(description = "JWT: audiences") List<String> audiences,
        @Schema(description = "JWT: JWKS URL") String jwksUri,
        @Schema(description = "REQUEST: endpoint URL") String uri,
        @Schema(description = "REQUEST: identity sources") List<String> identitySources,
        @Schema(description = "REQUEST: result cache TTL in seconds") Integer resultTtlSeconds,
        @Schema(description = "JWT: where the token is read") String identitySource,
        @Schema(description = "JWT: clock skew leeway in seconds") Integer clockSkewSeconds,
        @Schema(description = "When it was created") Instant createdAt,
        @JsonIgnore @Schema(hidden = true) long version) implements Versioned {

    static AuthorizerView of(Authorizer authorizer) {
        AuthorizerSpec s = authorizer.spec();
        // JWT authorizers stored before identitySource and clockSkewSeconds existed show the defaults the node applies.
        boolean jwt = "JWT".equals(s.type());
        return new AuthorizerView(authorizer.id, s.name(), s.type(), s.issuer(), s.audiences(), s.jwksUri(), s.uri(),
                s.identitySources(), s.resultTtlSeconds(), jwt ? defaulted(s.identitySource(), AuthorizerRules.DEFAULT_JWT_IDENTITY_SOURCE)
                : null, jwt ? defaulted(s.clockSkewSeconds(), AuthorizerRules.DEFAULT_CLOCK_SKEW_SECONDS) : null, authorizer.createdAt, authorizer.version);
    }

    private static <T> T defaulted(T value, T otherwise) {
        return value == null ? otherwise : value;
    }
}

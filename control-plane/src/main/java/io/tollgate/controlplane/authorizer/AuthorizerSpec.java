package io.tollgate.controlplane.authorizer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An authorizer as the tenant writes it; field names mirror the data plane's {@code AuthorizerConfig}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An authorizer of an API: JWT (issuer, audiences, jwksUri, identitySource, clockSkewSeconds) or REQUEST "
        + "(uri, identitySources, resultTtlSeconds)")
public record AuthorizerSpec(
        @Schema(description = "Name, unique in the API: 1–128 letters, digits, '.', '_' or '-'") String name,
        @Schema(description = "JWT or REQUEST") String type,
        @Schema(description = "JWT: the issuer the iss claim must equal") String issuer,
        @Schema(description = "JWT: accepted audiences (aud); empty accepts any") List<String> audiences,
        @Schema(description = "JWT: URL of the issuer's JSON Web Key Set") String jwksUri,
        @Schema(description = "REQUEST: URL of the tenant's authorizer endpoint") String uri,
        @Schema(description = "REQUEST: where the identity is read, e.g. $request.header.Authorization") List<String> identitySources,
        @Schema(description = "REQUEST: seconds an answer is cached per identity, 0–3600 (default 300)") Integer resultTtlSeconds,
        @Schema(description = "JWT: where the token is read, $request.header.Name or $request.querystring.name "
                + "(default $request.header.Authorization; a Bearer prefix is optional)") String identitySource,
        @Schema(description = "JWT: seconds of leeway for exp, nbf and iat, 0–600 (default 60)") Integer clockSkewSeconds) {
}

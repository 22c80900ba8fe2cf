package io.tollgate.contract.v1;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** An API's authorizer, referenced by routes. The JSON carries the kind in {@code "type"}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AuthorizerConfig.Jwt.class, name = "JWT"),
        @JsonSubTypes.Type(value = AuthorizerConfig.Request.class, name = "REQUEST")})
public sealed interface AuthorizerConfig {

    String id();

    /** Validates bearer JWTs: signature by the issuer's JWKS, issuer, audience, expiry. */
    record Jwt(String id, String name, String issuer, List<String> audiences, String jwksUri) implements AuthorizerConfig {

        public Jwt {
            Check.required(id, "authorizer.id");
            Check.required(issuer, "authorizer.issuer");
            audiences = Check.list(audiences);
            Check.required(jwksUri, "authorizer.jwksUri");
        }
    }

    /**
     * Asks the tenant's HTTP endpoint whether to allow a request, given its identity sources
     * (e.g. {@code $request.header.Authorization}); answers are cached per identity for the TTL.
     */
    record Request(String id, String name, String uri, List<String> identitySources, int resultTtlSeconds)
            implements AuthorizerConfig {

        public Request {
            Check.required(id, "authorizer.id");
            Check.required(uri, "authorizer.uri");
            identitySources = Check.list(identitySources);
            Check.between(resultTtlSeconds, 0, 3600, "authorizer.resultTtlSeconds");
        }
    }
}

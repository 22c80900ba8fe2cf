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

    /**
     * Validates bearer JWTs: signature by the issuer's JWKS, issuer, audience, expiry.
     *
     * @param identitySource   where the token is read from; default {@code $request.header.Authorization}
     *                         (a {@code Bearer } prefix is optional there, as on the cloud gateway)
     * @param clockSkewSeconds leeway for {@code exp}, {@code nbf} and {@code iat} between the issuer's
     *                         clock and the gateway's; default {@value #DEFAULT_CLOCK_SKEW_SECONDS}
     */
    record Jwt(String id, String name, String issuer, List<String> audiences, String jwksUri, String identitySource,
            Integer clockSkewSeconds) implements AuthorizerConfig {

        public static final String DEFAULT_IDENTITY_SOURCE = "$request.header.Authorization";
        public static final int DEFAULT_CLOCK_SKEW_SECONDS = 60;

        public Jwt {
            Check.required(id, "authorizer.id");
            Check.required(issuer, "authorizer.issuer");
            audiences = Check.list(audiences);
            Check.required(jwksUri, "authorizer.jwksUri");
            identitySource = identitySource == null || identitySource.isBlank() ? DEFAULT_IDENTITY_SOURCE : identitySource.trim();
            clockSkewSeconds = Check.between(clockSkewSeconds == null ? DEFAULT_CLOCK_SKEW_SECONDS : clockSkewSeconds,
                    0, 600, "authorizer.clockSkewSeconds");
        }

        /** With the defaults for the identity source and the clock skew. */
        public Jwt(String id, String name, String issuer, List<String> audiences, String jwksUri) {
            this(id, name, issuer, audiences, jwksUri, null, null);
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

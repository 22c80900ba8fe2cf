package io.tollgate.gateway.policy.jwt;

import io.tollgate.contract.v1.AuthorizerConfig;
import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.integration.mapping.ParameterSource;
import io.tollgate.gateway.pipeline.AuthorizerContext;
import io.tollgate.gateway.pipeline.Exchange;
import io.tollgate.gateway.policy.Policy;
import io.tollgate.gateway.policy.Policy.Rejection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * One JWT authorizer, compiled when the configuration is applied: where the token is, which
 * issuer, audiences and algorithms (RS256, ES256) are accepted, the clock skew allowed. A token is
 * parsed first without trust to learn its key id, the issuer's key set is made ready (maybe
 * fetched, asynchronously), then the token is verified and its claims checked.
 */
final class JwtAuthorizer {

    private static final Logger LOG = Logger.getLogger(JwtAuthorizer.class);
    private static final Map<String, String> INVALID_TOKEN = Map.of("www-authenticate", "Bearer error=\"invalid_token\"");
    private static final Map<String, String> NO_TOKEN = Map.of("www-authenticate", "Bearer");
    /** Reads the structure only, to find the key id; nothing it returns is trusted. */
    private static final JwtConsumer UNTRUSTED = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
            .setSkipSignatureVerification().build();

    private final AuthorizerConfig.Jwt config;
    private final ParameterSource tokenSource;
    private final JwksCache jwks;
    private final long waitMillis;
    private final JwtConsumer verifier;

    /** @param waitMillis the longest a request waits for its issuer's key set to be fetched */
    JwtAuthorizer(AuthorizerConfig.Jwt config, JwksCache jwks, long waitMillis) {
        this.config = config;
        this.tokenSource = ParameterSource.parse(config.identitySource());
        this.jwks = jwks;
        this.waitMillis = waitMillis;
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(config.clockSkewSeconds())
                .setExpectedIssuer(config.issuer())
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256))
                .setVerificationKeyResolver(this::resolveKey);
        if (config.audiences().isEmpty()) {
            builder.setSkipDefaultAudienceValidation();
        } else {
            builder.setExpectedAudience(config.audiences().toArray(String[]::new));
        }
        this.verifier = builder.build();
    }

    /** Completes on the request's event loop: with null to go on (the exchange then knows the caller), or why not. */
    Future<Rejection> authorize(Exchange exchange, List<String> routeScopes) {
        String token = bearer(tokenSource.value(exchange));
        if (token == null) {
            return Rejection.of(GatewayError.UNAUTHORIZED, NO_TOKEN);
        }
        JwtContext parsed;
        String kid;
        try {
            parsed = UNTRUSTED.process(token);
            JsonWebStructure structure = parsed.getJoseObjects().getFirst();
            if (!(structure instanceof JsonWebSignature) || parsed.getJoseObjects().size() != 1) {
                return Rejection.of(GatewayError.UNAUTHORIZED, INVALID_TOKEN);
            }
            kid = structure.getKeyIdHeaderValue();
        } catch (InvalidJwtException | RuntimeException malformed) {
            return Rejection.of(GatewayError.UNAUTHORIZED, INVALID_TOKEN);
        }
        Future<Void> ready = jwks.ready(config.jwksUri(), kid);
        if (ready.isComplete()) {
            return verify(exchange, parsed, routeScopes);
        }
        Context context = Vertx.currentContext();
        Promise<Rejection> outcome = Promise.promise();
        long timer = exchange.vertx().setTimer(waitMillis, id -> {
            if (outcome.tryComplete(new Rejection(GatewayError.AUTHORIZER_FAILURE, Map.of()))) {
                LOG.warnf("JWKS of authorizer %s (%s) not ready within %d ms", config.id(), config.jwksUri(), waitMillis);
            }
        });
        ready.onComplete(done -> run(context, () -> {
            exchange.vertx().cancelTimer(timer);
            if (!outcome.future().isComplete()) {
                verify(exchange, parsed, routeScopes).onComplete(outcome);
            }
        }));
        return outcome.future();
    }

    private Future<Rejection> verify(Exchange exchange, JwtContext parsed, List<String> routeScopes) {
        if (jwks.keys(config.jwksUri()).isEmpty()) {
            // never fetched (unreachable, invalid): the gateway cannot judge the token, which is not the caller's fault
            return Rejection.of(GatewayError.AUTHORIZER_FAILURE);
        }
        try {
            verifier.processContext(parsed);
        } catch (InvalidJwtException invalid) {
            return Rejection.of(GatewayError.UNAUTHORIZED, INVALID_TOKEN);
        }
        Map<String, Object> claims = parsed.getJwtClaims().getClaimsMap();
        List<String> scopes = scopes(claims);
        if (!routeScopes.isEmpty() && routeScopes.stream().noneMatch(scopes::contains)) {
            // the cloud gateway: a valid token that lacks every one of the route's scopes is forbidden
            return Rejection.of(GatewayError.FORBIDDEN, Map.of("www-authenticate",
                    "Bearer error=\"insufficient_scope\", scope=\"" + String.join(" ", routeScopes) + "\""));
        }
        exchange.authorized(AuthorizerContext.jwt(claims, scopes));
        return Policy.CONTINUE;
    }

    private java.security.Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nesting) throws UnresolvableKeyException {
        Collection<JsonWebKey> keys = jwks.keys(config.jwksUri());
        try {
            JsonWebKey key = new VerificationJwkSelector().select(jws, keys);
            if (key == null) {
                throw new UnresolvableKeyException("no key of " + config.jwksUri() + " matches kid " + jws.getKeyIdHeaderValue());
            }
            return key.getKey();
        } catch (JoseException e) {
            throw new UnresolvableKeyException(e.getMessage(), e);
        }
    }

    /** {@code scope} (space-separated, as Keycloak writes it) or {@code scp} (a list or a string). */
    static List<String> scopes(Map<String, Object> claims) {
        List<String> scopes = new ArrayList<>();
        for (String name : new String[] {"scope", "scp"}) {
            Object value = claims.get(name);
            if (value instanceof String text) {
                for (String scope : text.trim().split("\\s+")) {
                    if (!scope.isEmpty()) {
                        scopes.add(scope);
                    }
                }
            } else if (value instanceof Collection<?> list) {
                list.forEach(scope -> scopes.add(String.valueOf(scope)));
            }
        }
        return scopes;
    }

    /** The token of an identity source value, with or without the {@code Bearer} scheme. */
    static String bearer(String value) {
        if (value == null) {
            return null;
        }
        String token = value.trim();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).trim();
        }
        return token.isEmpty() ? null : token;
    }

    private static void run(Context context, Runnable action) {
        if (context == null || context == Vertx.currentContext()) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }
}

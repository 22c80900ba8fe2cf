package io.tollgate.gateway.policy.jwt;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.EllipticCurves;

/**
 * A token issuer of the test's own on loopback with an ES256 key (Keycloak signs RS256): serves its
 * key set at {@code /jwks} and counts the fetches; {@code /hang} never answers.
 */
public final class LocalIssuer implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final EllipticCurveJsonWebKey key;
    private final AtomicInteger fetches = new AtomicInteger();

    public LocalIssuer() throws Exception {
        key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        key.setKeyId("local-es256");
        key.setUse("sig");
        String jwks = new JsonWebKeySet(List.<JsonWebKey>of(key)).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/jwks")) {
                fetches.incrementAndGet();
                request.response().putHeader("content-type", "application/json").end(jwks);
            } else if (!request.path().equals("/hang")) {
                request.response().setStatusCode(404).end();
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    public String issuer() {
        return url() + "/issuer";
    }

    public int fetches() {
        return fetches.get();
    }

    /** A token signed with the issuer's key, naming {@code kid} as its key id. */
    public String token(String subject, String audience, String scope, String kid) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer());
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setIssuedAtToNow();
        claims.setClaim("scope", scope);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        return jws.getCompactSerialization();
    }

    public String token(String subject, String audience, String scope) throws Exception {
        return token(subject, audience, scope, key.getKeyId());
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}

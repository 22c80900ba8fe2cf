package io.tollgate.gateway.policy.apikey;

import io.tollgate.contract.v1.StageConfig;
import io.tollgate.gateway.config.ApiKeyEntry;
import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.pipeline.Exchange;
import io.tollgate.gateway.policy.Policy;
import io.tollgate.gateway.policy.PolicyOrder;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * API keys on routes that require one: the key from the {@code x-api-key} header is looked up by
 * its SHA-256 (the node never knows key values), must belong to the API's tenant, be enabled and
 * unexpired, and one of its usage plans must cover the API stage. Each refusal has its own type.
 */
public final class ApiKeyPolicy implements Policy {

    public static final String HEADER = "x-api-key";

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    @Override
    public PolicyOrder order() {
        return PolicyOrder.API_KEY;
    }

    @Override
    public Future<Rejection> onRequest(Exchange exchange) {
        if (exchange.route() == null || !exchange.route().authorization().apiKeyRequired()) {
            return CONTINUE;
        }
        String value = exchange.request().getHeader(HEADER);
        if (value == null || value.isBlank()) {
            return Rejection.of(GatewayError.API_KEY_MISSING);
        }
        ApiKeyEntry entry = exchange.snapshot().apiKeys().get(sha256(value.trim()));
        StageConfig stage = exchange.stage().config();
        if (entry == null || !entry.key().tenantId().equals(stage.tenantId())) {
            return Rejection.of(GatewayError.API_KEY_INVALID);
        }
        if (!entry.key().enabled()) {
            return Rejection.of(GatewayError.API_KEY_DISABLED);
        }
        if (entry.key().expiresAt() != null && !Instant.now().isBefore(entry.key().expiresAt())) {
            return Rejection.of(GatewayError.API_KEY_EXPIRED);
        }
        if (!entry.covers(stage.apiId(), stage.name())) {
            return Rejection.of(GatewayError.API_KEY_NOT_ALLOWED);
        }
        exchange.identifiedKey(entry);
        return CONTINUE;
    }

    static String sha256(String value) {
        return HexFormat.of().formatHex(SHA256.get().digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}

package io.tollgate.gateway.policy.cache;

import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The key of a cached answer: a SHA-256 of tenant, API, stage, the stage's cache generation,
 * method, path and the values of the configured key parameters ({@code method.request.querystring.x},
 * {@code method.request.header.x}). Hashed so that keys are short and carry no caller's values into
 * Infinispan; the fields are length-prefixed so that no two different requests join to the same text.
 */
final class CacheKey {

    static final String QUERY = "method.request.querystring.";
    static final String HEADER = "method.request.header.";

    private CacheKey() {
    }

    static String of(String tenant, String api, String stage, long generation, String method, String path,
            List<String> keyParameters, HttpServerRequest request) {
        MessageDigest digest = sha256();
        field(digest, tenant);
        field(digest, api);
        field(digest, stage);
        field(digest, Long.toString(generation));
        field(digest, method);
        field(digest, path);
        for (String parameter : keyParameters) {
            field(digest, parameter);
            if (parameter.startsWith(QUERY)) {
                field(digest, String.join(",", request.params().getAll(parameter.substring(QUERY.length()))));
            } else if (parameter.startsWith(HEADER)) {
                field(digest, String.join(",", request.headers().getAll(parameter.substring(HEADER.length()))));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) (bytes.length >>> 24));
        digest.update((byte) (bytes.length >>> 16));
        digest.update((byte) (bytes.length >>> 8));
        digest.update((byte) bytes.length);
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

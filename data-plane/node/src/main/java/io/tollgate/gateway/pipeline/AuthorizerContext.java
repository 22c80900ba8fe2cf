package io.tollgate.gateway.pipeline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an authorizer learned about the caller: a JWT's claims and scopes, or a request
 * authorizer's principal and context. Read by mapping ({@code $context.authorizer.…}) and passed
 * to proxy integrations as headers (docs/gateway-node.md, "Authorizers"), computed once here.
 */
public final class AuthorizerContext {

    /** The caller's principal: a JWT's {@code sub}, a request authorizer's {@code principalId}. */
    public static final String PRINCIPAL_HEADER = "x-tollgate-authorizer-principal";
    /** base64url of the JSON of a JWT's claims. */
    public static final String CLAIMS_HEADER = "x-tollgate-authorizer-claims";
    /** base64url of the JSON of a request authorizer's context. */
    public static final String CONTEXT_HEADER = "x-tollgate-authorizer-context";
    /** Headers only the gateway may set: removed from what clients send. */
    public static final List<String> HEADERS = List.of(PRINCIPAL_HEADER, CLAIMS_HEADER, CONTEXT_HEADER);

    private final String principalId;
    private final Map<String, Object> claims;
    private final List<String> scopes;
    private final Map<String, Object> context;
    private final Map<String, String> upstreamHeaders;

    private AuthorizerContext(String principalId, Map<String, Object> claims, List<String> scopes, Map<String, Object> context) {
        this.principalId = principalId;
        this.claims = claims;
        this.scopes = scopes;
        this.context = context;
        Map<String, String> headers = new LinkedHashMap<>();
        if (principalId != null) {
            headers.put(PRINCIPAL_HEADER, principalId);
        }
        if (!claims.isEmpty()) {
            headers.put(CLAIMS_HEADER, base64Json(claims));
        }
        if (!context.isEmpty()) {
            headers.put(CONTEXT_HEADER, base64Json(context));
        }
        this.upstreamHeaders = Map.copyOf(headers);
    }

    public static AuthorizerContext jwt(Map<String, Object> claims, List<String> scopes) {
        Object sub = claims.get("sub");
        return new AuthorizerContext(sub == null ? null : sub.toString(), copy(claims), List.copyOf(scopes), Map.of());
    }

    public static AuthorizerContext request(String principalId, Map<String, Object> context) {
        return new AuthorizerContext(principalId, Map.of(), List.of(), copy(context));
    }

    /** JSON may hold nulls, which Map.copyOf refuses. */
    private static Map<String, Object> copy(Map<String, Object> values) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String principalId() {
        return principalId;
    }

    public Map<String, Object> claims() {
        return claims;
    }

    public List<String> scopes() {
        return scopes;
    }

    public Map<String, Object> context() {
        return context;
    }

    public Map<String, String> upstreamHeaders() {
        return upstreamHeaders;
    }

    /**
     * A value by the cloud gateway's names after {@code $context.authorizer.}: {@code claims.x}
     * (REST APIs), {@code jwt.claims.x}, {@code jwt.scopes} (HTTP APIs), {@code principalId},
     * {@code lambda.x} or plain {@code x} (a request authorizer's context). Null when absent.
     */
    public String value(String path) {
        if (path.equals("principalId")) {
            return principalId;
        }
        if (path.equals("jwt.scopes")) {
            return scopes.isEmpty() ? null : String.join(" ", scopes);
        }
        if (path.startsWith("jwt.claims.")) {
            return text(claims.get(path.substring("jwt.claims.".length())));
        }
        if (path.startsWith("claims.")) {
            return text(claims.get(path.substring("claims.".length())));
        }
        if (path.startsWith("lambda.")) {
            return text(context.get(path.substring("lambda.".length())));
        }
        return text(context.get(path));
    }

    /** Strings as they are, everything else (numbers, lists, objects) as JSON. */
    static String text(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Map<?, ?> map) {
            return new JsonObject(cast(map)).encode();
        }
        if (value instanceof List<?> list) {
            return new JsonArray(List.copyOf(list)).encode();
        }
        return value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static String base64Json(Map<String, Object> values) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(new JsonObject(values).encode().getBytes(StandardCharsets.UTF_8));
    }
}

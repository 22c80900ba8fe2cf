package io.tollgate.controlplane.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/** The OpenAPI extensions Tollgate reads and writes: the cloud gateway's {@code x-amazon-apigateway-*} and its own. */
final class Extensions {

    static final String INTEGRATION = "x-amazon-apigateway-integration";
    static final String ANY_METHOD = "x-amazon-apigateway-any-method";
    static final String API_KEY_SOURCE = "x-amazon-apigateway-api-key-source";
    static final String REQUEST_VALIDATORS = "x-amazon-apigateway-request-validators";
    static final String REQUEST_VALIDATOR = "x-amazon-apigateway-request-validator";
    static final String AUTHORIZER = "x-amazon-apigateway-authorizer";
    static final String AUTHTYPE = "x-amazon-apigateway-authtype";
    static final String CORS = "x-amazon-apigateway-cors";
    static final String BINARY_MEDIA_TYPES = "x-amazon-apigateway-binary-media-types";
    static final String GATEWAY_RESPONSES = "x-amazon-apigateway-gateway-responses";
    static final String IMPORTEXPORT_VERSION = "x-amazon-apigateway-importexport-version";
    /** Tollgate's own: REST, HTTP or WEBSOCKET, which the cloud gateway's documents only imply. */
    static final String KIND = "x-tollgate-kind";
    /** Tollgate's own, inside an authorizer: the JWKS URL, which the cloud gateway discovers from the issuer. */
    static final String JWKS_URI = "x-tollgate-jwks-uri";
    /** Tollgate's own, inside a jwt authorizer: leeway in seconds for exp, nbf and iat. */
    static final String CLOCK_SKEW_SECONDS = "x-tollgate-clock-skew-seconds";
    /** Tollgate's own, inside an http_proxy integration: a pool of upstreams. */
    static final String TARGETS = "x-tollgate-targets";
    static final String LOAD_BALANCING = "x-tollgate-load-balancing";
    static final String HEALTH_CHECK = "x-tollgate-health-check";

    /** Extensions of the cloud gateway that Tollgate knows but does not support, with the reason the warning gives. */
    static final Map<String, String> UNSUPPORTED = Map.of(
            "x-amazon-apigateway-policy", "resource policies are not supported; authorize with authorizers and API keys",
            "x-amazon-apigateway-minimum-compression-size", "response compression is not configurable per API",
            "x-amazon-apigateway-endpoint-configuration", "Tollgate serves every API on its own endpoints; map custom domains instead",
            "x-amazon-apigateway-documentation", "documentation parts are not kept",
            "x-amazon-apigateway-tag-value", "tags are not kept",
            "x-amazon-apigateway-disable-execute-api-endpoint", "the default endpoint cannot be disabled",
            "x-amazon-apigateway-integrations", "shared integrations are not supported; put x-amazon-apigateway-integration "
                    + "on each operation");

    private Extensions() {
    }

    /** Warns about every extension of a node that its reader did not understand. */
    static void warnUnknown(JsonNode node, Set<String> understood, String at, Findings findings) {
        Nodes.fieldNames(node).stream().filter(name -> name.startsWith("x-") && !understood.contains(name))
                .forEach(name -> findings.warn(at.isEmpty() ? name : at + "." + name, "ignored: " + UNSUPPORTED.getOrDefault(name, "unknown extension")));
    }
}

package io.tollgate.contract.v1;

import java.util.Map;

/**
 * An API's override of a gateway-made error: any of status, extra headers, and a body template
 * (with {@code $context.error.message}, {@code $context.requestId} and friends). Null fields keep
 * the default.
 */
public record GatewayResponseConfig(Integer statusCode, Map<String, String> headers, String bodyTemplate) {

    public GatewayResponseConfig {
        if (statusCode != null) {
            Check.between(statusCode, 100, 599, "gatewayResponse.statusCode");
        }
        headers = Check.map(headers);
    }
}

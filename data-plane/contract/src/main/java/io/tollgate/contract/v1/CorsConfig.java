package io.tollgate.contract.v1;

import java.util.List;

/** CORS of an API; the gateway answers preflight requests itself. */
public record CorsConfig(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
        List<String> exposeHeaders, boolean allowCredentials, int maxAgeSeconds) {

    public CorsConfig {
        allowOrigins = Check.list(allowOrigins);
        allowMethods = Check.list(allowMethods);
        allowHeaders = Check.list(allowHeaders);
        exposeHeaders = Check.list(exposeHeaders);
        Check.between(maxAgeSeconds, 0, 86_400, "cors.maxAgeSeconds");
        if (allowCredentials && allowOrigins.contains("*")) {
            throw new IllegalArgumentException("cors: allowCredentials cannot be combined with the origin *");
        }
    }
}

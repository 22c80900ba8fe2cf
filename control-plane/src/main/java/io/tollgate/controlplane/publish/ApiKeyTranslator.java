package io.tollgate.controlplane.publish;

import io.tollgate.contract.v1.ApiKeyConfig;
import io.tollgate.controlplane.apikey.ApiKey;

/** An API key as the data plane's {@link ApiKeyConfig}: the hash of its value, never the value; no name. */
public final class ApiKeyTranslator {

    private ApiKeyTranslator() {
    }

    public static ApiKeyConfig translate(ApiKey key, long revision) {
        return new ApiKeyConfig(key.id.toString(), key.tenantId.toString(), revision, key.sha256, key.enabled, key.expiresAt,
                key.planIds());
    }
}

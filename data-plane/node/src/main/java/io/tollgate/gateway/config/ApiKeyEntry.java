package io.tollgate.gateway.config;

import io.tollgate.contract.v1.ApiKeyConfig;
import io.tollgate.contract.v1.UsagePlanConfig;
import java.util.List;
import java.util.Set;

/**
 * An API key as the node serves it: the key, its usage plans and the API stages those plans cover
 * ({@code apiId/stage}), resolved once per configuration version.
 */
public record ApiKeyEntry(ApiKeyConfig key, List<UsagePlanConfig> plans, Set<String> stages) {

    public static String stageKey(String apiId, String stage) {
        return apiId + "/" + stage;
    }

    public boolean covers(String apiId, String stage) {
        return stages.contains(stageKey(apiId, stage));
    }
}

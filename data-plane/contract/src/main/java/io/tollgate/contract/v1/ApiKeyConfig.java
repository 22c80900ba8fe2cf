package io.tollgate.contract.v1;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An API key as nodes know it: only the SHA-256 of its value (lower-case hex), never the value.
 * The key's usage plans decide which API stages it may call and its throttle and quota.
 */
public record ApiKeyConfig(String id, String tenantId, long revision, String sha256, boolean enabled, Instant expiresAt,
        List<String> usagePlanIds) implements ConfigRecord {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ApiKeyConfig {
        Check.required(id, "id");
        Check.required(tenantId, "tenantId");
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        usagePlanIds = Check.list(usagePlanIds);
    }

    @Override
    public ConfigKind kind() {
        return ConfigKind.API_KEY;
    }
}

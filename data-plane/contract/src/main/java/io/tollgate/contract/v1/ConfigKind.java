package io.tollgate.contract.v1;

import java.util.Arrays;

/** The kinds of entity on the config topic; the record key is {@code <kind>:<id>}. */
public enum ConfigKind {
    TENANT("tenant", TenantConfig.class),
    DEPLOYMENT("deployment", DeploymentConfig.class),
    STAGE("stage", StageConfig.class),
    API_KEY("api-key", ApiKeyConfig.class),
    USAGE_PLAN("usage-plan", UsagePlanConfig.class),
    DOMAIN("domain", DomainConfig.class);

    private final String prefix;
    private final Class<? extends ConfigRecord> recordType;

    ConfigKind(String prefix, Class<? extends ConfigRecord> recordType) {
        this.prefix = prefix;
        this.recordType = recordType;
    }

    public String prefix() {
        return prefix;
    }

    public Class<? extends ConfigRecord> recordType() {
        return recordType;
    }

    public String keyOf(String id) {
        return prefix + ":" + id;
    }

    /** The kind named by a record key such as {@code stage:3f…}. */
    public static ConfigKind ofKey(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new IllegalArgumentException("config key must look like <kind>:<id>, got " + key);
        }
        String prefix = key.substring(0, colon);
        return Arrays.stream(values()).filter(kind -> kind.prefix.equals(prefix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown config kind '" + prefix + "' in key " + key));
    }

    public static String idOfKey(String key) {
        ofKey(key);
        return key.substring(key.indexOf(':') + 1);
    }
}

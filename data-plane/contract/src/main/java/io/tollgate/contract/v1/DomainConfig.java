package io.tollgate.contract.v1;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A verified custom domain: its certificate and the base paths mapped to API stages. Only
 * verified domains are published.
 *
 * @param certificate optional while the tenant has not uploaded one (then plain HTTP only)
 */
public record DomainConfig(String id, String tenantId, long revision, String hostname, Certificate certificate,
        List<BasePathMapping> mappings) implements ConfigRecord {

    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final Pattern BASE_PATH = Pattern.compile("|[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*");

    public DomainConfig {
        Check.required(id, "id");
        Check.required(tenantId, "tenantId");
        hostname = Check.required(hostname, "hostname").toLowerCase(Locale.ROOT);
        if (!HOSTNAME.matcher(hostname).matches()) {
            throw new IllegalArgumentException("invalid hostname " + hostname);
        }
        mappings = Check.list(mappings);
        Set<String> basePaths = new HashSet<>();
        for (BasePathMapping mapping : mappings) {
            if (!basePaths.add(mapping.basePath())) {
                throw new IllegalArgumentException("base path '" + mapping.basePath() + "' is mapped twice on " + hostname);
            }
        }
    }

    @Override
    public ConfigKind kind() {
        return ConfigKind.DOMAIN;
    }

    /** {@code basePath} without slashes at either end; empty maps the domain's root. */
    public record BasePathMapping(String basePath, String apiId, String stage) {

        public BasePathMapping {
            basePath = basePath == null ? "" : basePath.replaceAll("^/+|/+$", "");
            if (!BASE_PATH.matcher(basePath).matches()) {
                throw new IllegalArgumentException("invalid base path " + basePath);
            }
            Check.required(apiId, "mapping.apiId");
            Check.required(stage, "mapping.stage");
        }
    }

    /**
     * The PEM certificate chain and the private key, the latter sealed with AES-GCM under the key
     * that the control plane and the gateway nodes share ({@code base64(iv ‖ ciphertext)}), so the
     * private key never crosses Kafka in clear.
     */
    public record Certificate(String chainPem, String sealedPrivateKey) {

        public Certificate {
            Check.required(chainPem, "certificate.chainPem");
            Check.required(sealedPrivateKey, "certificate.sealedPrivateKey");
        }
    }
}

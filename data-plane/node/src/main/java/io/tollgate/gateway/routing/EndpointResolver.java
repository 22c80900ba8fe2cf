package io.tollgate.gateway.routing;

import io.tollgate.contract.v1.DomainConfig;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.gateway.config.CompiledStage;
import io.tollgate.gateway.config.GatewaySnapshot;
import io.tollgate.gateway.error.GatewayError;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the API stage a request is for, from its host and path:
 * <ul>
 * <li>the default endpoint {@code {apiId}.{gateway domain}}, stage as first path segment
 *     ({@code /prod/pets/42});</li>
 * <li>a custom domain by host, with its base path mappings (longest base path first).</li>
 * </ul>
 */
public final class EndpointResolver {

    /** Where the request goes, or why it goes nowhere. */
    public sealed interface Resolution {
    }

    /** @param routePath the path the stage's routes are matched against */
    public record Resolved(CompiledStage stage, String routePath, String basePath) implements Resolution {
    }

    /** @param headers extra response headers (e.g. Retry-After) */
    public record Failed(GatewayError error, Map<String, String> headers) implements Resolution {

        public Failed(GatewayError error) {
            this(error, Map.of());
        }
    }

    /** Neither a default endpoint nor a custom domain: not a request for a tenant's API. */
    public record NotAnEndpoint() implements Resolution {
    }

    private final String gatewayDomainSuffix;

    public EndpointResolver(String gatewayDomain) {
        this.gatewayDomainSuffix = "." + gatewayDomain.toLowerCase(Locale.ROOT);
    }

    public Resolution resolve(GatewaySnapshot snapshot, String hostHeader, String path) {
        String host = hostWithoutPort(hostHeader);
        if (host.endsWith(gatewayDomainSuffix)) {
            String apiId = host.substring(0, host.length() - gatewayDomainSuffix.length());
            if (apiId.isEmpty() || apiId.indexOf('.') >= 0 || !snapshot.stages().containsKey(apiId)) {
                return new Failed(GatewayError.UNKNOWN_HOST);
            }
            int start = path.startsWith("/") ? 1 : 0;
            int slash = path.indexOf('/', start);
            String stageName = slash < 0 ? path.substring(start) : path.substring(start, slash);
            CompiledStage stage = snapshot.stage(apiId, stageName);
            if (stage == null) {
                return new Failed(GatewayError.STAGE_NOT_FOUND);
            }
            return checked(snapshot, new Resolved(stage, slash < 0 ? "/" : path.substring(slash), "/" + stageName));
        }
        GatewaySnapshot.DomainRoutes domain = snapshot.domains().get(host);
        if (domain == null) {
            return new NotAnEndpoint();
        }
        for (DomainConfig.BasePathMapping mapping : domain.mappingsLongestFirst()) {
            String remainder = afterBasePath(path, mapping.basePath());
            if (remainder != null) {
                CompiledStage stage = snapshot.stage(mapping.apiId(), mapping.stage());
                if (stage == null || !stage.config().tenantId().equals(domain.config().tenantId())) {
                    return new Failed(GatewayError.STAGE_NOT_FOUND);
                }
                return checked(snapshot, new Resolved(stage, remainder, mapping.basePath().isEmpty() ? "" : "/" + mapping.basePath()));
            }
        }
        return new Failed(GatewayError.ROUTE_NOT_FOUND);
    }

    /**
     * The tenant-wide refusals, before any route or policy: a suspended tenant, then one whose plan
     * limit is used up (429 with Retry-After until the billing period ends, like a quota). A limit whose
     * period is over no longer applies even before its lift arrives: the Retry-After promise holds when
     * analytics or the control plane is late or away.
     */
    private static Resolution checked(GatewaySnapshot snapshot, Resolved resolved) {
        String tenantId = resolved.stage().config().tenantId();
        if (snapshot.suspended(tenantId)) {
            return new Failed(GatewayError.TENANT_SUSPENDED);
        }
        TenantConfig.PlanLimit limit = snapshot.planLimit(tenantId);
        if (limit != null) {
            Instant now = Instant.now();
            if (now.isBefore(limit.resetsAt())) {
                long seconds = Math.max(1, Duration.between(now, limit.resetsAt()).toSeconds());
                return new Failed(GatewayError.TENANT_LIMIT_EXCEEDED, Map.of("retry-after", Long.toString(seconds)));
            }
        }
        return resolved;
    }

    /** The rest of the path after {@code /basePath}, or null when the path is not under it. */
    static String afterBasePath(String path, String basePath) {
        if (basePath.isEmpty()) {
            return path.isEmpty() ? "/" : path;
        }
        String prefix = "/" + basePath;
        if (!path.startsWith(prefix)) {
            return null;
        }
        if (path.length() == prefix.length()) {
            return "/";
        }
        return path.charAt(prefix.length()) == '/' ? path.substring(prefix.length()) : null;
    }

    static String hostWithoutPort(String host) {
        if (host == null) {
            return "";
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[")) { // IPv6 literal
            int end = lower.indexOf(']');
            return end < 0 ? lower : lower.substring(0, end + 1);
        }
        int colon = lower.indexOf(':');
        return colon < 0 ? lower : lower.substring(0, colon);
    }
}

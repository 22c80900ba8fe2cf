package io.tollgate.controlplane.domain;

import io.tollgate.controlplane.problem.Violations;
import io.tollgate.controlplane.stage.StageRules;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** What a valid custom domain hostname and base path mapping are. Plain rules, no database. */
public final class DomainRules {

    /** The DNS name under which the tenant publishes the verification token. */
    public static final String CHALLENGE_LABEL = "_tollgate-challenge";
    /** The same shape as the contract's DomainConfig accepts: two or more LDH labels, 253 characters at most. */
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final Pattern NUMERIC_LABEL = Pattern.compile(".*\\.[0-9]+$");
    /** Unreserved URI characters in segments separated by single slashes, as the contract's BasePathMapping. */
    private static final Pattern BASE_PATH = Pattern.compile("|[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*");
    static final int MAX_BASE_PATH = 512;

    private DomainRules() {
    }

    /** A mapping after validation: base path without slashes at either end, an API of the tenant, a stage name. */
    public record Mapping(String basePath, UUID apiId, String stage) {
    }

    /** Lower-cased, without a trailing dot; a violation on {@code hostname} unless it is a plain DNS name. */
    public static String hostname(String requested) {
        Violations v = new Violations();
        String hostname = null;
        if (v.required(requested, "hostname")) {
            hostname = requested.strip().toLowerCase(Locale.ROOT);
            if (hostname.endsWith(".")) {
                hostname = hostname.substring(0, hostname.length() - 1);
            }
            if (v.reject(hostname.startsWith("*."), "hostname", "wildcard domains are not supported; add each hostname")) {
                v.reject(!HOSTNAME.matcher(hostname).matches() || NUMERIC_LABEL.matcher(hostname).matches(), "hostname",
                        "must be a DNS name of two or more labels of letters, digits and '-' (IDNs in their xn-- form), "
                                + "at most 253 characters");
            }
        }
        v.throwIfAny();
        return hostname;
    }

    public static String challengeName(String hostname) {
        return CHALLENGE_LABEL + "." + hostname;
    }

    /** The API id named, for the caller to look up; null when absent or not a UUID (reported by {@link #mapping}). */
    public static UUID apiId(String apiId) {
        try {
            return apiId == null ? null : UUID.fromString(apiId.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Validates a mapping and normalizes its base path.
     *
     * @param tenantApis the ids among {@link #apiId} that are APIs of the tenant
     */
    public static Mapping mapping(DomainRequests.MappingSpec spec, Set<UUID> tenantApis) {
        Violations v = new Violations();
        String basePath = spec.basePath() == null ? "" : spec.basePath().strip().replaceAll("^/+|/+$", "");
        if (v.reject(basePath.length() > MAX_BASE_PATH, "basePath", "must be at most " + MAX_BASE_PATH + " characters")) {
            v.matches(basePath, BASE_PATH, "basePath", "must be path segments of letters, digits, '.', '_', '~' or '-' "
                    + "separated by single slashes; empty or '/' maps the domain's root");
        }
        UUID apiId = apiId(spec.apiId());
        if (v.required(spec.apiId(), "apiId")) {
            v.reject(apiId == null || !tenantApis.contains(apiId), "apiId", "is not an API of this tenant");
        }
        if (v.required(spec.stage(), "stage")) {
            v.matches(spec.stage(), StageRules.NAME, "stage", "must be 1–128 letters, digits, '-' or '_'");
        }
        v.throwIfAny();
        return new Mapping(basePath, apiId, spec.stage());
    }
}

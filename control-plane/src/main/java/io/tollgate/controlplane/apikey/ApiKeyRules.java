package io.tollgate.controlplane.apikey;

import io.tollgate.controlplane.problem.Violations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** What a valid API key is, given which usage plans the tenant has. Plain rules, no database. */
public final class ApiKeyRules {

    public static final int MIN_IMPORTED_LENGTH = 20;
    public static final int MAX_IMPORTED_LENGTH = 256;
    /** Printable ASCII without spaces: what fits in an x-api-key header unchanged. */
    private static final Pattern IMPORTABLE = Pattern.compile("[\\x21-\\x7E]+");

    private ApiKeyRules() {
    }

    /** A key's settings after validation. */
    public record Settings(String name, boolean enabled, Instant expiresAt, List<String> usagePlanIds) {
    }

    /** The plan ids named, for the caller to look up; unparsable ids are left out (and reported by check). */
    public static Set<UUID> planIds(List<String> usagePlanIds) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (usagePlanIds != null) {
            for (String id : usagePlanIds) {
                UUID parsed = parse(id);
                if (parsed != null) {
                    ids.add(parsed);
                }
            }
        }
        return ids;
    }

    /**
     * Checks the settings a key will have; {@code previousExpiry} is the stored expiry on an update (an
     * unchanged expiry that has passed meanwhile is no mistake of this request).
     *
     * @param tenantPlans the ids among {@link #planIds} that are usage plans of the tenant
     */
    public static Settings check(Settings settings, Instant previousExpiry, Set<UUID> tenantPlans, Instant now) {
        return check(new Violations(), settings, previousExpiry, tenantPlans, now);
    }

    public static Settings checkCreate(ApiKeyRequests.CreateApiKey request, Set<UUID> tenantPlans, Instant now) {
        Violations v = new Violations();
        if (request.value() != null) {
            checkImportedValue(v, request.value());
        }
        return check(v, new Settings(request.name(), request.enabled() == null || request.enabled(), request.expiresAt(),
                request.usagePlanIds()), null, tenantPlans, now);
    }

    static void checkImportedValue(Violations v, String value) {
        if (v.reject(value.length() < MIN_IMPORTED_LENGTH || value.length() > MAX_IMPORTED_LENGTH, "value",
                "must be " + MIN_IMPORTED_LENGTH + "–" + MAX_IMPORTED_LENGTH + " characters")) {
            v.matches(value, IMPORTABLE, "value", "must be printable ASCII without spaces");
        }
    }

    private static Settings check(Violations v, Settings settings, Instant previousExpiry, Set<UUID> tenantPlans, Instant now) {
        if (v.required(settings.name(), "name")) {
            v.maxLength(settings.name().strip(), 128, "name");
        }
        Instant expiresAt = settings.expiresAt();
        if (expiresAt != null && !expiresAt.equals(previousExpiry)) {
            v.reject(!expiresAt.isAfter(now), "expiresAt", "must be in the future");
        }
        List<String> plans = new ArrayList<>();
        List<String> requested = settings.usagePlanIds() == null ? List.of() : settings.usagePlanIds();
        for (int i = 0; i < requested.size(); i++) {
            UUID id = parse(requested.get(i));
            if (v.reject(id == null || !tenantPlans.contains(id), "usagePlanIds[" + i + "]", "is not a usage plan of this tenant")
                    && !plans.contains(id.toString())) {
                plans.add(id.toString());
            }
        }
        v.throwIfAny();
        return new Settings(settings.name().strip(), settings.enabled(), expiresAt, plans);
    }

    private static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

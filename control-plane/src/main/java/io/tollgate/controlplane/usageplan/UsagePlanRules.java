package io.tollgate.controlplane.usageplan;

import io.tollgate.controlplane.problem.Violations;
import io.tollgate.controlplane.stage.StageRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** What a valid usage plan is, given which APIs the tenant has. Plain rules, no database. */
public final class UsagePlanRules {

    public static final Set<String> PERIODS = Set.of("DAY", "WEEK", "MONTH");
    public static final long MAX_QUOTA = 1_000_000_000_000L;
    private static final double MAX_RATE = 1_000_000;

    private UsagePlanRules() {
    }

    /** The API ids the plan's stages name, for the caller to look up; unparsable ids are left out. */
    public static Set<UUID> apiIds(UsagePlanSpec spec) {
        Set<UUID> ids = new HashSet<>();
        if (spec.stages() != null) {
            for (UsagePlanSpec.PlanStage stage : spec.stages()) {
                UUID id = stage == null ? null : parse(stage.apiId());
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /**
     * Validates and normalizes (name stripped, period upper-cased, stages never null).
     *
     * @param tenantApis the ids among {@link #apiIds} that are APIs of the tenant
     */
    public static UsagePlanSpec check(UsagePlanSpec spec, Set<UUID> tenantApis) {
        Violations v = new Violations();
        if (v.required(spec.name(), "name")) {
            v.maxLength(spec.name().strip(), 128, "name");
        }
        v.maxLength(spec.description(), 1024, "description");
        if (spec.throttle() != null) {
            throttle(v, spec.throttle(), "throttle");
        }
        UsagePlanSpec.Quota quota = spec.quota();
        if (quota != null) {
            if (v.required(quota.limit(), "quota.limit")) {
                v.reject(quota.limit() < 0 || quota.limit() > MAX_QUOTA, "quota.limit", "must be between 0 and " + MAX_QUOTA);
            }
            String period = quota.period() == null ? null : quota.period().strip().toUpperCase(Locale.ROOT);
            if (v.required(period, "quota.period")) {
                v.reject(!PERIODS.contains(period), "quota.period", "must be DAY, WEEK or MONTH");
            }
            quota = new UsagePlanSpec.Quota(quota.limit(), period);
        }
        List<UsagePlanSpec.PlanStage> stages = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<UsagePlanSpec.PlanStage> requested = spec.stages() == null ? List.of() : spec.stages();
        for (int i = 0; i < requested.size(); i++) {
            String field = "stages[" + i + "]";
            UsagePlanSpec.PlanStage stage = requested.get(i);
            if (stage == null) {
                v.add(field, "must be an object");
                continue;
            }
            if (v.required(stage.apiId(), field + ".apiId")) {
                UUID apiId = parse(stage.apiId());
                v.reject(apiId == null || !tenantApis.contains(apiId), field + ".apiId", "is not an API of this tenant");
            }
            if (v.required(stage.stage(), field + ".stage")) {
                v.matches(stage.stage(), StageRules.NAME, field + ".stage", "must be 1–128 letters, digits, '-' or '_'");
                v.reject(!seen.add(stage.apiId() + "/" + stage.stage()), field, "names the same API stage twice");
            }
            if (stage.throttle() != null) {
                throttle(v, stage.throttle(), field + ".throttle");
            }
            stages.add(new UsagePlanSpec.PlanStage(stage.apiId() == null ? null : stage.apiId().strip(), stage.stage(),
                    stage.throttle()));
        }
        v.throwIfAny();
        String description = spec.description() == null || spec.description().isBlank() ? null : spec.description().strip();
        return new UsagePlanSpec(spec.name().strip(), description, spec.throttle(), quota, stages);
    }

    private static void throttle(Violations v, UsagePlanSpec.Throttle throttle, String field) {
        if (v.required(throttle.rateLimit(), field + ".rateLimit")) {
            v.between(throttle.rateLimit(), 0.0, MAX_RATE, field + ".rateLimit");
        }
        if (v.required(throttle.burstLimit(), field + ".burstLimit")) {
            v.between(throttle.burstLimit(), 0, (long) MAX_RATE, field + ".burstLimit");
        }
    }

    private static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

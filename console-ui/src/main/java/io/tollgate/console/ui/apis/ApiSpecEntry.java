package io.tollgate.console.ui.apis;

import io.tollgate.console.client.ApiProblem;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.ui.components.FieldErrors;
import io.tollgate.console.ui.components.Notifications;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One kind of named entry an API carries in a map (its models, its gateway-response overrides), changed
 * one entry at a time: the API is re-read first and replaced with only that entry changed, so that
 * nobody's other change is lost.
 */
record ApiSpecEntry<V>(Function<Wire.ApiSpec, Map<String, V>> read, BiFunction<Wire.ApiSpec, Map<String, V>, Wire.ApiSpec> write) {

    /** The entries of the API as it is now, sorted by name. */
    Map<String, V> all(TenantApiClient api, String apiPath) {
        return new TreeMap<>(orEmpty(read.apply(api.get(apiPath, Wire.Api.class).spec())));
    }

    /**
     * Sets {@code name} to {@code value} (null removes it); says {@code done} on success, shows the API's
     * problem in {@code errors} (or as a notification when null). True when saved.
     */
    boolean save(TenantApiClient api, String apiPath, String name, V value, String done, FieldErrors errors) {
        try {
            Wire.ApiSpec now = api.get(apiPath, Wire.Api.class).spec();
            Map<String, V> changed = new TreeMap<>(orEmpty(read.apply(now)));
            if (value == null) {
                changed.remove(name);
            } else {
                changed.put(name, value);
            }
            api.put(apiPath, write.apply(now, changed), Wire.Api.class);
            Notifications.success(done + " — deploy the API for the gateway to apply it");
            return true;
        } catch (ApiProblem problem) {
            if (errors == null) {
                Notifications.error(problem.getMessage());
            } else {
                errors.show(problem);
            }
            return false;
        }
    }

    private static <V> Map<String, V> orEmpty(Map<String, V> map) {
        return map == null ? Map.of() : map;
    }
}

package io.tollgate.controlplane.deployment;

import io.tollgate.controlplane.route.RouteSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When an API can be deployed. Routes are checked when written, but the API around them can change
 * afterwards (a model removed); this catches that with a clear message before the contract records'
 * own checks would.
 */
public final class DeploymentRules {

    private DeploymentRules() {
    }

    /** Why the snapshot cannot be deployed; empty when it can. */
    public static List<String> problems(ApiSnapshot snapshot) {
        List<String> problems = new ArrayList<>();
        if (snapshot.routes().isEmpty()) {
            problems.add("the API has no routes");
        }
        Set<String> models = snapshot.api().models().keySet();
        for (ApiSnapshot.RouteEntry entry : snapshot.routes()) {
            RouteSpec.Validation validation = entry.route().validation();
            if (validation != null && validation.bodyModel() != null && !models.contains(validation.bodyModel())) {
                problems.add("route " + entry.route().method() + " " + entry.route().path() + " validates with the model "
                        + validation.bodyModel() + ", which the API no longer defines");
            }
        }
        return problems;
    }
}

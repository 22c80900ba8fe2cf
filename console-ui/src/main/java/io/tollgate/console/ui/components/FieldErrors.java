package io.tollgate.console.ui.components;

import com.vaadin.flow.component.HasValidation;
import io.tollgate.console.client.ApiProblem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts the tenant API's per-field violations (problem+json) onto the form fields they name, so a
 * person sees each mistake where they made it; what no field claims goes into a notification. The
 * fields keep what was typed.
 */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    /** {@code apiField} is the field's path in the request body, e.g. {@code name} or {@code integration.uri}. */
    public FieldErrors bind(String apiField, HasValidation field) {
        fields.put(apiField, field);
        return this;
    }

    public void clear() {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
    }

    /** Shows the problem; returns whether every violation found its field. */
    public boolean show(ApiProblem problem) {
        clear();
        StringBuilder unclaimed = new StringBuilder();
        problem.violationsByField().forEach((name, message) -> {
            HasValidation field = fieldFor(name);
            if (field == null) {
                unclaimed.append(unclaimed.isEmpty() ? "" : "; ").append(name).append(": ").append(message);
            } else {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }
        });
        if (problem.violations().isEmpty()) {
            Notifications.error(problem.getMessage());
            return false;
        }
        if (!unclaimed.isEmpty()) {
            Notifications.error(unclaimed.toString());
            return false;
        }
        return true;
    }

    /** The field itself, or the closest bound parent path (integration.targets[0].url → integration.targets). */
    private HasValidation fieldFor(String name) {
        String candidate = name;
        while (true) {
            HasValidation field = fields.get(candidate);
            if (field != null) {
                return field;
            }
            int cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
            if (cut <= 0) {
                return null;
            }
            candidate = candidate.substring(0, cut);
        }
    }
}

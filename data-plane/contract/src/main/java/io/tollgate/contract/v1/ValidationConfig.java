package io.tollgate.contract.v1;

import java.util.List;

/** Request validation of a route: a body model (by name) and required query strings and headers. */
public record ValidationConfig(String bodyModel, List<String> requiredQueryStrings, List<String> requiredHeaders) {

    public ValidationConfig {
        requiredQueryStrings = Check.list(requiredQueryStrings);
        requiredHeaders = Check.list(requiredHeaders);
    }
}

package io.tollgate.contract.v1;

import java.util.List;

/**
 * How a route authorizes callers. {@code apiKeyRequired} is independent of the type, as on the
 * cloud gateway: a JWT-protected route may also require an API key (for usage plans).
 */
public record AuthorizationConfig(Type type, String authorizerId, List<String> scopes, boolean apiKeyRequired) {

    public enum Type { NONE, API_KEY, JWT, REQUEST }

    public static final AuthorizationConfig NONE = new AuthorizationConfig(Type.NONE, null, List.of(), false);

    public AuthorizationConfig {
        Check.present(type, "authorization.type");
        scopes = Check.list(scopes);
        if ((type == Type.JWT || type == Type.REQUEST) && (authorizerId == null || authorizerId.isBlank())) {
            throw new IllegalArgumentException(type + " authorization needs an authorizerId");
        }
        apiKeyRequired = apiKeyRequired || type == Type.API_KEY;
    }
}

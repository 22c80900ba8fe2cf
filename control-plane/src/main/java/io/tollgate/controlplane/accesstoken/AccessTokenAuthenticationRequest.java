package io.tollgate.controlplane.accesstoken;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer value that looks like a tenant access token, to be checked by {@link AccessTokenIdentityProvider}. */
public class AccessTokenAuthenticationRequest extends BaseAuthenticationRequest {

    private final String value;

    public AccessTokenAuthenticationRequest(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}

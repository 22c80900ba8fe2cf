package io.tollgate.controlplane.openapi;

import io.tollgate.controlplane.api.ApiSpec;
import io.tollgate.controlplane.authorizer.AuthorizerSpec;
import io.tollgate.controlplane.route.RouteSpec;
import java.util.List;

/**
 * A document read and checked, ready to be stored: every spec already passed the same rules as the tenant
 * API's own endpoints. Routes name their authorizer by its name (the security scheme's) until it has an id.
 */
record ImportedDefinition(ApiSpec api, List<AuthorizerSpec> authorizers, List<RouteSpec> routes, List<ImportWarning> warnings) {
}

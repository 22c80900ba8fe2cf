package io.tollgate.controlplane;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.tollgate.runtime.testing.RealServices;

/** The control plane's tests run against real PostgreSQL and Keycloak (see deploy/runtime). */
@QuarkusTestResource(value = RealServices.class, initArgs = {
        @ResourceArg(name = "services", value = "postgres,keycloak"),
        @ResourceArg(name = "database", value = "tollgate_control")})
public class ControlPlaneTestServices {
}

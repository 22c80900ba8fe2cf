package io.tollgate.controlplane;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.tollgate.runtime.testing.RealServices;

/** The control plane's tests run against real PostgreSQL, Keycloak and Kafka (see deploy/runtime). */
@QuarkusTestResource(value = RealServices.class, initArgs = {
        @ResourceArg(name = "services", value = "postgres,keycloak,kafka"),
        @ResourceArg(name = "database", value = "tollgate_control")})
public class ControlPlaneTestServices {
}

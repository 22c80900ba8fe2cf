package io.tollgate.controlplane;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.tollgate.controlplane.domain.TestDnsResolver;
import io.tollgate.runtime.testing.RealServices;

/**
 * The control plane's tests run against real PostgreSQL, Keycloak and Kafka (see deploy/runtime), and
 * verify custom domains against a real dnsmasq on loopback.
 */
@QuarkusTestResource(value = RealServices.class, initArgs = {
        @ResourceArg(name = "services", value = "postgres,keycloak,kafka"),
        @ResourceArg(name = "database", value = "tollgate_control")})
@QuarkusTestResource(TestDnsResolver.class)
public class ControlPlaneTestServices {
}

package io.tollgate.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.tollgate.runtime.testing.RealServices;

/** The gateway node's tests run against real Kafka and Infinispan (see deploy/runtime). */
@QuarkusTestResource(value = RealServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,infinispan"))
public class GatewayTestServices {
}

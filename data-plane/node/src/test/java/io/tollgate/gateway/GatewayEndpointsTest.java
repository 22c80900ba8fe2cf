package io.tollgate.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.runtime.testing.AppEndpointsContract;

@QuarkusTest
class GatewayEndpointsTest implements AppEndpointsContract {
}

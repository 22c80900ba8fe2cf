package io.tollgate.controlplane;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.runtime.testing.AppEndpointsContract;

@QuarkusTest
class ControlPlaneEndpointsTest implements AppEndpointsContract {
}

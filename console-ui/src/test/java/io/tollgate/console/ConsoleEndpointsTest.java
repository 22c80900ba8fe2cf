package io.tollgate.console;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.runtime.testing.AppEndpointsContract;

@QuarkusTest
class ConsoleEndpointsTest implements AppEndpointsContract {
}

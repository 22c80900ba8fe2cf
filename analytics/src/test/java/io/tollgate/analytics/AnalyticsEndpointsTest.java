package io.tollgate.analytics;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.runtime.testing.AppEndpointsContract;

@QuarkusTest
class AnalyticsEndpointsTest implements AppEndpointsContract {
}

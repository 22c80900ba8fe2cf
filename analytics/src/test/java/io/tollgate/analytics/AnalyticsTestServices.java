package io.tollgate.analytics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.tollgate.runtime.testing.RealServices;

/** Analytics' tests run against real PostgreSQL, Kafka and Keycloak (see deploy/runtime). */
@QuarkusTestResource(value = RealServices.class, initArgs = {
        @ResourceArg(name = "services", value = "postgres,kafka,keycloak"),
        @ResourceArg(name = "database", value = "tollgate_analytics")})
public class AnalyticsTestServices {
}

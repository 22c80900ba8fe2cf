package io.tollgate.gateway.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready once a first consistent configuration is loaded; reports its version and age. */
@Readiness
@ApplicationScoped
public class ConfigReadiness implements HealthCheck {

    @Inject
    ConfigStore store;

    @Override
    public HealthCheckResponse call() {
        GatewaySnapshot snapshot = store.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("gateway-configuration");
        if (snapshot == null) {
            return response.down().withData("reason", "no configuration loaded yet").build();
        }
        return response.up()
                .withData("version", snapshot.version())
                .withData("source", snapshot.source().name())
                .withData("ageSeconds", Duration.between(snapshot.publishedAt(), Instant.now()).toSeconds())
                .withData("appliedAt", snapshot.appliedAt().toString())
                .build();
    }
}

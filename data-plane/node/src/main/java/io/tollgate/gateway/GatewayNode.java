package io.tollgate.gateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tollgate.gateway.config.ConfigMaterializer;
import io.tollgate.gateway.config.ConfigStore;
import io.tollgate.gateway.config.GatewaySnapshot;
import io.tollgate.gateway.config.LastKnownGood;
import io.tollgate.gateway.config.SnapshotCompiler;
import io.tollgate.gateway.integration.CircuitBreakers;
import io.tollgate.gateway.integration.IntegrationFactory;
import io.tollgate.gateway.metrics.GatewayMetrics;
import io.tollgate.gateway.pipeline.GatewayHandler;
import io.tollgate.gateway.routing.EndpointResolver;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires the gateway node: configuration from Kafka, the request handler, its metrics. */
@ApplicationScoped
public class GatewayNode {

    private final ConfigStore store = new ConfigStore();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "tollgate.config.topic")
    String configTopic;

    @ConfigProperty(name = "tollgate.config.state-directory")
    Path stateDirectory;

    @ConfigProperty(name = "tollgate.gateway.domain")
    String gatewayDomain;

    @ConfigProperty(name = "tollgate.gateway.max-body-bytes")
    long maxBodyBytes;

    @ConfigProperty(name = "tollgate.gateway.upstream-pool-size")
    int upstreamPoolSize;

    @ConfigProperty(name = "tollgate.gateway.circuit-breaker.failures")
    int breakerFailures;

    @ConfigProperty(name = "tollgate.gateway.circuit-breaker.open-duration")
    Duration breakerOpenDuration;

    private ConfigMaterializer materializer;

    @Produces
    @Singleton
    ConfigStore configStore() {
        return store;
    }

    /** Ahead of every Quarkus route: tenants' APIs first, the node's own endpoints only on its plain address. */
    void routes(@Observes Router router, Vertx vertx, MeterRegistry metrics) {
        HttpClient upstreams = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setConnectTimeout(5_000)
                .setDecompressionSupported(false), new PoolOptions().setHttp1MaxSize(upstreamPoolSize));
        materializer = new ConfigMaterializer(Map.of("bootstrap.servers", bootstrapServers), configTopic,
                new SnapshotCompiler(new IntegrationFactory(upstreams,
                        new CircuitBreakers(breakerFailures, breakerOpenDuration.toNanos()), maxBodyBytes)), store, new LastKnownGood(stateDirectory));
        router.route().order(Integer.MIN_VALUE + 1)
                .handler(new GatewayHandler(store, new EndpointResolver(gatewayDomain), maxBodyBytes, new GatewayMetrics(metrics)));
    }

    void start(@Observes StartupEvent event, MeterRegistry metrics) {
        Gauge.builder("tollgate.config.version", store, s -> s.current() == null ? -1 : s.current().version())
                .description("Highest control-plane revision of the configuration this node serves").register(metrics);
        Gauge.builder("tollgate.config.age", store, GatewayNode::ageSeconds).baseUnit("seconds")
                .description("Time since the control plane published the newest configuration record served").register(metrics);
        materializer.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (materializer != null) {
            materializer.close();
        }
    }

    static double ageSeconds(ConfigStore store) {
        GatewaySnapshot snapshot = store.current();
        return snapshot == null ? -1 : Duration.between(snapshot.publishedAt(), Instant.now()).toMillis() / 1000.0;
    }
}

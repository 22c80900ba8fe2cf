package io.tollgate.gateway.policy.counters;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wires the node's cluster-wide limits: the settings, the limits' own Hot Rod client and counters
 * cache ({@link CountersConnection}), the heartbeat and the {@link LimitsRuntime} the throttle and
 * quota policies share.
 */
@ApplicationScoped
public class ClusterLimits {

    @ConfigProperty(name = "tollgate.gateway.rate-limits.fail-open")
    boolean failOpen;

    @ConfigProperty(name = "tollgate.gateway.rate-limits.lease")
    Duration lease;

    @ConfigProperty(name = "tollgate.gateway.rate-limits.remote-timeout")
    Duration remoteTimeout;

    @ConfigProperty(name = "tollgate.gateway.rate-limits.heartbeat")
    Duration heartbeat;

    @ConfigProperty(name = "tollgate.gateway.rate-limits.expected-nodes")
    int expectedNodes;

    @ConfigProperty(name = "tollgate.gateway.rate-limits.max-entries")
    int maxEntries;

    @ConfigProperty(name = "tollgate.gateway.rate-limits.cache")
    String cacheName;

    @ConfigProperty(name = "tollgate.gateway.rate-limits.cache-template")
    String cacheTemplate;

    @ConfigProperty(name = "tollgate.gateway.rate-limits.node-id")
    Optional<String> nodeId;

    @ConfigProperty(name = "tollgate.gateway.rate-limits.hosts")
    String hosts;

    @ConfigProperty(name = "tollgate.gateway.rate-limits.username")
    Optional<String> username;

    @ConfigProperty(name = "tollgate.gateway.rate-limits.password")
    Optional<String> password;

    @ConfigProperty(name = "tollgate.gateway.rate-limits.sasl-mechanism")
    String saslMechanism;

    @Inject
    MeterRegistry metrics;

    private CountersConnection connection;
    private LimitsRuntime runtime;

    public synchronized LimitsRuntime runtime() {
        if (runtime == null) {
            LimitsSettings settings = new LimitsSettings(failOpen, lease, remoteTimeout, heartbeat, expectedNodes, maxEntries);
            connection = new CountersConnection(hosts, username, password, saslMechanism, remoteTimeout, cacheName, cacheTemplate);
            SharedCounters counters = new SharedCounters(connection::cache, remoteTimeout);
            runtime = new LimitsRuntime(settings, counters,
                    new NodeRoster(nodeId.orElse(UUID.randomUUID().toString()), heartbeat.toMillis(), expectedNodes), metrics);
        }
        return runtime;
    }

    void start(@Observes StartupEvent event) {
        runtime().start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (runtime != null) {
            runtime.close();
            connection.close();
        }
    }
}

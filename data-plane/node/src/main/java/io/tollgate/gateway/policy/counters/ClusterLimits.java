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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.client.hotrod.RemoteCache;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.jboss.logging.Logger;

/**
 * Wires the node's cluster-wide limits: the settings, the Hot Rod counters cache (opened in the
 * background, never on a request), the heartbeat and the {@link LimitsRuntime} the throttle and
 * quota policies share.
 */
@ApplicationScoped
public class ClusterLimits {

    private static final Logger LOG = Logger.getLogger(ClusterLimits.class);

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

    @Inject
    RemoteCacheManager cacheManager;

    @Inject
    MeterRegistry metrics;

    private volatile RemoteCache<String, Object> cache;
    private final AtomicBoolean opening = new AtomicBoolean();
    private LimitsRuntime runtime;

    public synchronized LimitsRuntime runtime() {
        if (runtime == null) {
            LimitsSettings settings = new LimitsSettings(failOpen, lease, remoteTimeout, heartbeat, expectedNodes, maxEntries);
            SharedCounters counters = new SharedCounters(this::cache, remoteTimeout);
            runtime = new LimitsRuntime(settings, counters,
                    new NodeRoster(nodeId.orElse(UUID.randomUUID().toString()), heartbeat.toMillis(), expectedNodes), metrics);
        }
        return runtime;
    }

    /** The counters cache, or null while it is not open; opening it is started in the background. */
    private RemoteCache<String, Object> cache() {
        RemoteCache<String, Object> open = cache;
        if (open == null && opening.compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> {
                try {
                    // from the server's template: a lifespan per entry, expiry reaper each second
                    cache = cacheManager.administration().getOrCreateCache(cacheName, cacheTemplate);
                } catch (RuntimeException e) {
                    LOG.debugf("counters cache %s not available yet: %s", cacheName, e);
                } finally {
                    opening.set(false);
                }
            }, command -> Thread.ofVirtual().name("tollgate-limits-open").start(command));
        }
        return open;
    }

    void start(@Observes StartupEvent event) {
        runtime().start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (runtime != null) {
            runtime.close();
        }
    }
}

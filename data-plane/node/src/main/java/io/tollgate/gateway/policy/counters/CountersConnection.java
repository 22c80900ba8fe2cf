package io.tollgate.gateway.policy.counters;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.infinispan.client.hotrod.RemoteCache;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.client.hotrod.configuration.ConfigurationBuilder;
import org.infinispan.client.hotrod.impl.ConfigurationProperties;
import org.infinispan.client.hotrod.impl.transport.netty.DefaultTransportFactory;
import org.jboss.logging.Logger;

/**
 * The limits' own Hot Rod client and their counters cache, opened in the background (never on a
 * request) and again after a failure.
 *
 * <p>Why not the application's {@code RemoteCacheManager}: Quarkus runs that one on Vert.x's event
 * loops, the threads that serve requests. While Infinispan is away, every heartbeat and
 * reservation then made its reconnect attempts, retries and logged stack traces there, and requests
 * waited behind them (p99 several times higher in ClusterLimitsIT's outage test). This client has
 * one Netty thread of its own, no retries (the limits retry on their own schedule) and connect
 * and socket timeouts at the limits' deadline.
 */
final class CountersConnection implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CountersConnection.class);

    private final String hosts;
    private final Optional<String> username;
    private final Optional<String> password;
    private final String saslMechanism;
    private final Duration timeout;
    private final String cacheName;
    private final String cacheTemplate;
    private final AtomicBoolean opening = new AtomicBoolean();
    private volatile RemoteCacheManager manager;
    private volatile RemoteCache<String, Object> cache;
    private volatile boolean closed;

    /** @param username with {@code password}, authenticates by {@code saslMechanism}; empty: no authentication */
    CountersConnection(String hosts, Optional<String> username, Optional<String> password, String saslMechanism, Duration timeout,
            String cacheName, String cacheTemplate) {
        this.hosts = hosts;
        this.username = username;
        this.password = password;
        this.saslMechanism = saslMechanism;
        this.timeout = timeout;
        this.cacheName = cacheName;
        this.cacheTemplate = cacheTemplate;
    }

    /** The counters cache, or null while it is not open; opening it is started in the background. */
    RemoteCache<String, Object> cache() {
        RemoteCache<String, Object> open = cache;
        if (open == null && !closed && opening.compareAndSet(false, true)) {
            CompletableFuture.runAsync(this::open, command -> Thread.ofVirtual().name("tollgate-limits-open").start(command));
        }
        return open;
    }

    private void open() {
        try {
            if (manager == null) {
                manager = new RemoteCacheManager(configuration());
            }
            // from the server's template: a lifespan per entry, expiry reaper each second
            cache = manager.administration().getOrCreateCache(cacheName, cacheTemplate);
        } catch (RuntimeException e) {
            LOG.debugf("counters cache %s not available yet: %s", cacheName, e);
        } finally {
            opening.set(false);
        }
    }

    private org.infinispan.client.hotrod.configuration.Configuration configuration() {
        int millis = (int) timeout.toMillis();
        ConfigurationBuilder builder = new ConfigurationBuilder().addServers(hosts)
                .transportFactory(new DefaultTransportFactory())
                .connectionTimeout(millis)
                .socketTimeout(millis)
                .maxRetries(0);
        builder.asyncExecutorFactory().addExecutorProperty(ConfigurationProperties.DEFAULT_EXECUTOR_FACTORY_POOL_SIZE, "1");
        if (username.isPresent() && password.isPresent()) {
            builder.security().authentication().enable().saslMechanism(saslMechanism)
                    .username(username.get()).password(password.get());
        }
        return builder.build();
    }

    @Override
    public void close() {
        closed = true;
        RemoteCacheManager open = manager;
        if (open != null) {
            open.stop();
        }
    }
}

package io.tollgate.gateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tollgate.contract.pem.Pem;
import io.tollgate.gateway.config.ConfigMaterializer;
import io.tollgate.gateway.config.ConfigStore;
import io.tollgate.gateway.config.GatewaySnapshot;
import io.tollgate.gateway.config.LastKnownGood;
import io.tollgate.gateway.config.SnapshotCompiler;
import io.tollgate.gateway.integration.ActiveHealthChecks;
import io.tollgate.gateway.integration.CircuitBreaker;
import io.tollgate.gateway.integration.CircuitBreakers;
import io.tollgate.gateway.policy.cache.ResponseCachePolicy;
import io.tollgate.gateway.policy.cache.ResponseCacheStore;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.infinispan.client.hotrod.RemoteCacheManager;
import io.tollgate.gateway.integration.IntegrationFactory;
import io.tollgate.gateway.metrics.GatewayMetrics;
import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.events.AccessEventPublisher;
import io.tollgate.gateway.events.EventSpool;
import io.tollgate.gateway.events.FsyncPolicy;
import io.tollgate.gateway.events.SpoolFullPolicy;
import io.tollgate.gateway.error.GatewayResponder;
import io.tollgate.gateway.pipeline.GatewayHandler;
import io.tollgate.gateway.pipeline.RequestIds;
import io.tollgate.gateway.policy.PolicyResources;
import io.tollgate.gateway.policy.PolicyCompiler;
import io.tollgate.gateway.policy.jwt.JwksCache;
import io.tollgate.gateway.policy.request.AuthorizerDecisions;
import io.tollgate.gateway.policy.counters.ClusterLimits;
import io.tollgate.gateway.policy.limits.RequestLimitsPolicy;
import io.tollgate.gateway.policy.quota.QuotaPolicy;
import io.tollgate.gateway.policy.throttle.ThrottlePolicy;
import io.tollgate.gateway.routing.EndpointResolver;
import io.tollgate.gateway.tls.SniKeyManager;
import io.tollgate.gateway.tls.TlsIdentity;
import io.tollgate.contract.v1.Sealing;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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

    @ConfigProperty(name = "quarkus.http.host")
    String httpHost;

    @ConfigProperty(name = "tollgate.gateway.domain")
    String gatewayDomain;

    @ConfigProperty(name = "tollgate.gateway.max-body-bytes")
    long maxBodyBytes;

    @ConfigProperty(name = "tollgate.gateway.limits.max-headers")
    int maxHeaders;

    @ConfigProperty(name = "tollgate.gateway.limits.max-header-bytes")
    int maxHeaderBytes;

    @ConfigProperty(name = "tollgate.gateway.limits.max-url-length")
    int maxUrlLength;

    @ConfigProperty(name = "tollgate.gateway.upstream-pool-size")
    int upstreamPoolSize;

    @ConfigProperty(name = "tollgate.gateway.upstream-queue-size")
    int upstreamQueueSize;

    @ConfigProperty(name = "tollgate.gateway.circuit-breaker.failures")
    int breakerFailures;

    @ConfigProperty(name = "tollgate.gateway.circuit-breaker.open-duration")
    Duration breakerOpenDuration;

    @ConfigProperty(name = "tollgate.gateway.https.enabled")
    boolean httpsEnabled;

    @ConfigProperty(name = "tollgate.gateway.https.port")
    int httpsPort;

    @ConfigProperty(name = "tollgate.gateway.https.certificate-file")
    Optional<Path> defaultCertificateFile;

    @ConfigProperty(name = "tollgate.gateway.https.key-file")
    Optional<Path> defaultKeyFile;

    @ConfigProperty(name = "tollgate.gateway.http.dedicated-port")
    Optional<Integer> dedicatedHttpPort;

    @ConfigProperty(name = "tollgate.config.seal-key")
    Optional<String> sealKey;

    @ConfigProperty(name = "tollgate.gateway.authorizers.timeout")
    Duration authorizerTimeout;

    @ConfigProperty(name = "tollgate.gateway.authorizers.jwks-min-refetch")
    Duration jwksMinRefetch;

    @ConfigProperty(name = "tollgate.gateway.authorizers.jwks-max-age")
    Duration jwksMaxAge;

    @ConfigProperty(name = "tollgate.gateway.authorizers.jwks-max-sets")
    int jwksMaxSets;

    @ConfigProperty(name = "tollgate.gateway.authorizers.pool-size")
    int authorizerPoolSize;

    @ConfigProperty(name = "tollgate.gateway.authorizers.decision-cache-size")
    int decisionCacheSize;

    @ConfigProperty(name = "tollgate.events.topic")
    String eventsTopic;

    @ConfigProperty(name = "tollgate.events.queue-capacity")
    int eventsQueueCapacity;

    @ConfigProperty(name = "tollgate.events.delivery-timeout")
    Duration eventsDeliveryTimeout;

    @ConfigProperty(name = "tollgate.events.shutdown-timeout")
    Duration eventsShutdownTimeout;

    @ConfigProperty(name = "tollgate.events.spool.directory")
    Path spoolDirectory;

    @ConfigProperty(name = "tollgate.events.spool.max-bytes")
    long spoolMaxBytes;

    @ConfigProperty(name = "tollgate.events.spool.segment-bytes")
    long spoolSegmentBytes;

    @ConfigProperty(name = "tollgate.events.spool.fsync")
    FsyncPolicy spoolFsync;

    @ConfigProperty(name = "tollgate.events.spool.full-policy")
    SpoolFullPolicy spoolFullPolicy;

    private AccessEventPublisher events;

    @ConfigProperty(name = "tollgate.gateway.cache.name")
    String responseCacheName;

    @ConfigProperty(name = "tollgate.gateway.cache.template")
    String responseCacheTemplate;

    @ConfigProperty(name = "tollgate.gateway.cache.timeout")
    Duration responseCacheTimeout;

    @ConfigProperty(name = "tollgate.gateway.cache.circuit-breaker.failures")
    int responseCacheBreakerFailures;

    @ConfigProperty(name = "tollgate.gateway.cache.circuit-breaker.open-duration")
    Duration responseCacheBreakerOpen;

    @ConfigProperty(name = "tollgate.gateway.cache.near.max-entries")
    int nearCacheMaxEntries;

    @ConfigProperty(name = "tollgate.gateway.cache.near.max-bytes")
    long nearCacheMaxBytes;

    @ConfigProperty(name = "tollgate.gateway.cache.near.max-age")
    Duration nearCacheMaxAge;

    @Inject
    Instance<RemoteCacheManager> cacheManager;

    private ConfigMaterializer materializer;
    private JwksCache jwks;
    private Router router;
    private GatewayHandler handler;
    private volatile int actualDedicatedPort = -1;
    private final List<HttpServer> ownServers = new ArrayList<>();
    private volatile int actualHttpsPort = -1;

    @Produces
    @Singleton
    ConfigStore configStore() {
        return store;
    }

    /** Ahead of every Quarkus route: tenants' APIs first, the node's own endpoints only on its plain address. */
    void routes(@Observes Router router, Vertx vertx, MeterRegistry metrics, ClusterLimits limits) {
        this.router = router;
        HttpClient upstreams = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setConnectTimeout(5_000)
                .setDecompressionSupported(false), new PoolOptions().setHttp1MaxSize(upstreamPoolSize)
                        // bounded: beyond this many requests waiting for a connection, fail fast (502) rather than queue
                        .setMaxWaitQueueSize(upstreamQueueSize));
        materializer = new ConfigMaterializer(Map.of("bootstrap.servers", bootstrapServers), configTopic,
                new SnapshotCompiler(new IntegrationFactory(upstreams,
                        new CircuitBreakers(breakerFailures, breakerOpenDuration.toNanos()),
                        new ActiveHealthChecks(vertx, upstreams), maxBodyBytes),
                        new PolicyCompiler(List.of(new RequestLimitsPolicy(maxHeaders, maxHeaderBytes, maxUrlLength),
                                new ThrottlePolicy(limits.runtime()), new QuotaPolicy(limits.runtime()),
                                new ResponseCachePolicy(responseCacheStore(vertx, metrics))),
                                policyResources(vertx)),
                        sealKey.map(Sealing::fromBase64).orElse(null)), store, new LastKnownGood(stateDirectory));
        events = new AccessEventPublisher(Map.of("bootstrap.servers", bootstrapServers,
                "delivery.timeout.ms", (int) eventsDeliveryTimeout.toMillis()), eventsTopic,
                new EventSpool(spoolDirectory, spoolMaxBytes, spoolSegmentBytes, spoolFsync), spoolFullPolicy,
                eventsQueueCapacity, eventsShutdownTimeout, metrics);
        handler = new GatewayHandler(store, new EndpointResolver(gatewayDomain), maxBodyBytes, new GatewayMetrics(metrics), events);
        router.route().order(Integer.MIN_VALUE + 1).handler(handler);
    }

    /**
     * Authorizers call the tenants' identity providers and authorizer endpoints on a client of their
     * own, so that a slow identity provider cannot take the upstreams' connections (nor the reverse).
     */
    private PolicyResources policyResources(Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(
                (int) authorizerTimeout.toMillis()).setVerifyHost(true), new PoolOptions().setHttp1MaxSize(authorizerPoolSize)
                        .setMaxWaitQueueSize(authorizerPoolSize * 8));
        jwks = new JwksCache(client, authorizerTimeout, jwksMinRefetch, jwksMaxAge, jwksMaxSets);
        return new PolicyResources(client, jwks, new AuthorizerDecisions(decisionCacheSize), authorizerTimeout.toMillis(), maxBodyBytes);
    }

    /**
     * The shared response cache: the Hot Rod client is resolved and the remote cache created from the
     * server's template on a worker thread, when first needed, so that an absent Infinispan delays nothing.
     */
    private ResponseCacheStore responseCacheStore(Vertx vertx, MeterRegistry metrics) {
        return new ResponseCacheStore(vertx, () -> cacheManager.get().administration()
                .<String, byte[]>getOrCreateCache(responseCacheName, responseCacheTemplate),
                responseCacheTimeout.toMillis(), new CircuitBreaker(responseCacheBreakerFailures, responseCacheBreakerOpen.toNanos()),
                new ResponseCacheStore.NearSettings(nearCacheMaxEntries, nearCacheMaxBytes, nearCacheMaxAge), metrics);
    }

    /** The node's JWT key sets (for tests and metrics). */
    public JwksCache jwks() {
        return jwks;
    }

    void start(@Observes StartupEvent event, MeterRegistry metrics, Vertx vertx) throws Exception {
        Gauge.builder("tollgate.config.version", store, s -> s.current() == null ? -1 : s.current().version())
                .description("Highest control-plane revision of the configuration this node serves").register(metrics);
        Gauge.builder("tollgate.config.age", store, GatewayNode::ageSeconds).baseUnit("seconds")
                .description("Time since the control plane published the newest configuration record served").register(metrics);
        materializer.start();
        events.start();
        if (httpsEnabled) {
            startHttps(vertx);
        }
        if (dedicatedHttpPort.isPresent()) {
            startDedicatedHttp(vertx, dedicatedHttpPort.get());
        }
    }

    /**
     * A plain HTTP listener for tenants' traffic only, straight from Vert.x to the gateway handler
     * (no Quarkus router or request wrappers in between); the node's own endpoints stay on the main port.
     */
    private void startDedicatedHttp(Vertx vertx, int configuredPort) throws Exception {
        HttpServerOptions options = new HttpServerOptions().setHost(httpHost).setTcpNoDelay(true)
                .setMaxInitialLineLength(16384).setMaxHeaderSize(65536);
        int port = configuredPort == 0 ? -1 : configuredPort;
        for (int i = 0; i < Math.max(1, Runtime.getRuntime().availableProcessors()); i++) {
            HttpServer server = vertx.createHttpServer(options)
                    .requestHandler(request -> handler.handle(vertx, request, () -> GatewayResponder.send(request.response(),
                            GatewayError.UNKNOWN_HOST, RequestIds.newRequestId(), Map.of(), Map.of())))
                    .listen(port).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            ownServers.add(server);
            actualDedicatedPort = server.actualPort();
        }
    }

    /** The dedicated HTTP port for tenants' traffic, -1 when there is none. */
    public int dedicatedHttpPort() {
        return actualDedicatedPort;
    }

    /**
     * The HTTPS listener: one server per event loop on one port, certificates chosen per
     * connection by SNI from the configuration (custom domains) or the node's default certificate.
     */
    private void startHttps(Vertx vertx) throws Exception {
        TlsIdentity defaultIdentity = null;
        if (defaultCertificateFile.isPresent() && defaultKeyFile.isPresent()) {
            defaultIdentity = new TlsIdentity(Pem.privateKey(Files.readString(defaultKeyFile.get())),
                    Pem.certificates(Files.readString(defaultCertificateFile.get())));
        }
        HttpServerOptions options = new HttpServerOptions().setSsl(true).setHost(httpHost)
                .setKeyCertOptions(KeyCertOptions.wrap(new SniKeyManager(store, defaultIdentity)));
        // Vert.x shares one port among servers that ask for the same one; a random port is shared
        // when asked for with a negative number
        int port = httpsPort == 0 ? -1 : httpsPort;
        for (int i = 0; i < Math.max(1, Runtime.getRuntime().availableProcessors()); i++) {
            HttpServer server = vertx.createHttpServer(options).requestHandler(router)
                    .listen(port).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            ownServers.add(server);
            actualHttpsPort = server.actualPort();
        }
    }

    /** The HTTPS port the node listens on, -1 when HTTPS is off. */
    public int httpsPort() {
        return actualHttpsPort;
    }

    void stop(@Observes ShutdownEvent event) {
        ownServers.forEach(HttpServer::close);
        if (materializer != null) {
            materializer.close();
        }
        if (events != null) {
            events.close(); // after the listeners: what they answered last is sent or spooled
        }
    }

    static double ageSeconds(ConfigStore store) {
        GatewaySnapshot snapshot = store.current();
        return snapshot == null ? -1 : Duration.between(snapshot.publishedAt(), Instant.now()).toMillis() / 1000.0;
    }
}

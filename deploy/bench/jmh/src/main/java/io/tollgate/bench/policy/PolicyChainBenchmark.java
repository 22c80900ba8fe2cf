package io.tollgate.bench.policy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tollgate.contract.v1.ApiKeyConfig;
import io.tollgate.contract.v1.AuthorizationConfig;
import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.contract.v1.StageConfig;
import io.tollgate.contract.v1.StageConfig.ThrottleConfig;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.contract.v1.UsagePlanConfig;
import io.tollgate.gateway.config.ApiKeyEntry;
import io.tollgate.gateway.config.CompiledDeployment;
import io.tollgate.gateway.config.CompiledStage;
import io.tollgate.gateway.config.GatewaySnapshot;
import io.tollgate.gateway.pipeline.Exchange;

import io.tollgate.gateway.policy.PolicyChain;
import io.tollgate.gateway.policy.PolicyCompiler;
import io.tollgate.gateway.policy.counters.LimitsRuntime;
import io.tollgate.gateway.policy.counters.LimitsSettings;
import io.tollgate.gateway.policy.counters.NodeRoster;
import io.tollgate.gateway.policy.counters.SharedCounters;
import io.tollgate.gateway.policy.limits.RequestLimitsPolicy;
import io.tollgate.gateway.policy.quota.QuotaPolicy;
import io.tollgate.gateway.policy.throttle.ThrottlePolicy;
import io.tollgate.gateway.routing.RouteTable;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole request-phase policy chain of a deployment, as the node compiles it
 * ({@link PolicyCompiler} with the node's policies), for one request: {@code none} = a route
 * without policies of its own (only the node's request limits run, and the throttle and quota
 * policies find nothing to do), {@code key_throttle_quota} = an API-key route under a usage plan
 * with a throttle and a daily quota, on a stage with a throttle and a route override — limits far
 * above what the benchmark sends, so every request passes all of them.
 *
 * <p>No Infinispan here: the limits run on their per-node share (the fallback), whose cost per
 * request is the same lock and arithmetic as spending a lease. Requests are stand-ins for Vert.x
 * requests (a proxy answering what the policies read), the exchange is created per request as on
 * the node.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PolicyChainBenchmark {

    @Param({"none", "key_throttle_quota"})
    public String route;

    private static final String KEY_VALUE = "bench-key-value-0123456789";

    private LimitsRuntime limits;
    private PolicyChain chain;
    private GatewaySnapshot snapshot;
    private CompiledStage stage;
    private RouteConfig routeConfig;
    private HttpServerRequest request;
    private long passed;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        limits = new LimitsRuntime(LimitsSettings.DEFAULTS, new SharedCounters(() -> null, Duration.ofMillis(400)),
                new NodeRoster("bench", 250, 1), new SimpleMeterRegistry());
        boolean keyed = route.equals("key_throttle_quota");
        AuthorizationConfig authorization = keyed
                ? new AuthorizationConfig(AuthorizationConfig.Type.API_KEY, null, null, true) : AuthorizationConfig.NONE;
        routeConfig = new RouteConfig("r1", "GET", "/pets/{id}", authorization, new IntegrationConfig.Mock(200, Map.of(), "ok"), null);
        DeploymentConfig deployment = new DeploymentConfig("d1", "t1", 1, "bench", 1, DeploymentConfig.ApiKind.REST, null,
                List.of(routeConfig), List.of(), Map.of(), null, Map.of());
        ThrottleConfig high = new ThrottleConfig(1_000_000, 1_000_000);
        StageConfig stageConfig = new StageConfig("s1", "t1", 2, "bench", "prod", "d1", Map.of(),
                keyed ? high : null, keyed ? Map.of("GET /pets/{id}", high) : Map.of(), null, false, null);
        chain = new PolicyCompiler(List.of(new RequestLimitsPolicy(100, 16384, 8192), new ThrottlePolicy(limits), new QuotaPolicy(limits)))
                .compile(deployment);
        CompiledDeployment compiled = new CompiledDeployment(deployment, new RouteTable<>(), chain);
        stage = new CompiledStage(stageConfig, compiled, null);
        UsagePlanConfig plan = new UsagePlanConfig("p1", "t1", 3, high,
                new UsagePlanConfig.QuotaConfig(Long.MAX_VALUE / 4, UsagePlanConfig.QuotaPeriod.MONTH),
                List.of(new UsagePlanConfig.PlanStage("bench", "prod", high)));
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(KEY_VALUE.getBytes(StandardCharsets.UTF_8)));
        ApiKeyEntry key = new ApiKeyEntry(new ApiKeyConfig("k1", "t1", 4, hash, true, null, List.of("p1")), List.of(plan),
                java.util.Set.of(ApiKeyEntry.stageKey("bench", "prod")));
        snapshot = new GatewaySnapshot(1, Instant.now(), Instant.now(), GatewaySnapshot.Source.KAFKA,
                Map.of("t1", new TenantConfig("t1", 1, TenantConfig.Status.ACTIVE)), Map.of("bench", Map.of("prod", stage)),
                Map.of(), Map.of(), Map.of(hash, key));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("host", "bench.gateway.localhost").add("user-agent", "wrk").add("accept", "*/*");
        if (keyed) {
            headers.add("x-api-key", KEY_VALUE);
        }
        request = stubRequest(headers, stubResponse());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        limits.close();
        if (passed == 0) {
            throw new IllegalStateException("no request passed the chain: the benchmark measured refusals");
        }
    }

    @Benchmark
    public void request(Blackhole blackhole) {
        Exchange exchange = new Exchange(null, request, "0123456789abcdef0123456789abcdef", System.nanoTime(), snapshot, stage,
                stage.deployment(), Map.of(), "/pets/42");
        exchange.matched(routeConfig, "/pets/{id}", Map.of("id", "42"));
        chain.run(exchange, () -> passed++);
        blackhole.consume(exchange);
    }

    /** What the policies read of a Vert.x request; anything else is not called on this path. */
    private static HttpServerRequest stubRequest(MultiMap headers, HttpServerResponse response) {
        return (HttpServerRequest) Proxy.newProxyInstance(PolicyChainBenchmark.class.getClassLoader(),
                new Class<?>[] {HttpServerRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "headers" -> headers;
                    case "getHeader" -> headers.get(args[0].toString());
                    case "uri" -> "/prod/pets/42";
                    case "path" -> "/prod/pets/42";
                    case "method" -> HttpMethod.GET;
                    case "response" -> response;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServerResponse stubResponse() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        return (HttpServerResponse) Proxy.newProxyInstance(PolicyChainBenchmark.class.getClassLoader(),
                new Class<?>[] {HttpServerResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "headers" -> headers;
                    case "headersEndHandler" -> proxy;
                    case "headWritten" -> false;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

}

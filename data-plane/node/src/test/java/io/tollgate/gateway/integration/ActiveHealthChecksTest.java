package io.tollgate.gateway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tollgate.contract.v1.IntegrationConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Probes a real HTTP server on loopback whose health endpoint is switched between 200 and 503. */
class ActiveHealthChecksTest {

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger healthStatus = new AtomicInteger(200);

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private String startTarget() throws Exception {
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> request.response().setStatusCode(healthStatus.get()).end())
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return "http://127.0.0.1:" + server.actualPort();
    }

    @Test
    void a_target_failing_its_probes_leaves_the_pool_and_returns_when_healthy() throws Exception {
        String target = startTarget();
        ActiveHealthChecks checks = new ActiveHealthChecks(vertx, vertx.createHttpClient());
        IntegrationConfig.HealthCheck check = new IntegrationConfig.HealthCheck("/health", 1, 500, 2, 2);
        TargetPool pool = new TargetPool(List.of(new IntegrationConfig.Target(target, 1), new IntegrationConfig.Target("http://127.0.0.1:9", 1)),
                IntegrationConfig.LoadBalancing.WEIGHTED_ROUND_ROBIN, url -> url.equals(target) ? checks.track(url, check) : null);
        ActiveHealthChecks.Probe probe = checks.track(target, check);
        assertTrue(probe.healthy(), "targets start healthy");

        healthStatus.set(503);
        await(() -> !probe.healthy(), "probe never found the target unhealthy");
        for (int i = 0; i < 4; i++) {
            assertEquals("http://127.0.0.1:9", pool.choose(System.nanoTime()).baseUrl, "unhealthy target still chosen");
        }
        healthStatus.set(200);
        await(probe::healthy, "probe never found the target healthy again");
    }

    @Test
    void probes_are_shared_across_compiles_and_stopped_when_unused() {
        ActiveHealthChecks checks = new ActiveHealthChecks(vertx, vertx.createHttpClient());
        IntegrationConfig.HealthCheck check = new IntegrationConfig.HealthCheck("/health", 60, 500, 1, 1);
        checks.beginCompile();
        ActiveHealthChecks.Probe first = checks.track("http://a", check);
        checks.track("http://b", check);
        checks.endCompile();
        assertEquals(2, checks.running());

        checks.beginCompile();
        assertSame(first, checks.track("http://a", check), "the next configuration keeps the probe and its state");
        checks.endCompile();
        assertEquals(1, checks.running(), "b is no longer used: its probe stopped");
        assertFalse(checks.running() > 1);
    }

    private static void await(BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            Thread.sleep(100);
        }
    }
}

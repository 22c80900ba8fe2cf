package io.tollgate.analytics.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tollgate.runtime.Endpoints;
import io.tollgate.runtime.Service;
import io.tollgate.runtime.testing.OwnServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Kafka stops under load for a while — the gateway keeps answering and spools the access events to
 * disk — and comes back: the node replays its spool and analytics counts every request exactly once.
 *
 * <p>The test owns its Kafka (it stops it) and its PostgreSQL: analytics keeps its consumer offsets
 * per topic partition in its database, and offsets of the shared broker mean nothing on this one.
 * Keycloak and Infinispan are the shared ones.
 */
class KafkaOutageIT {

    private static final Path WORK = Path.of("target", "e2e-kafka-outage-services").toAbsolutePath();

    @Test
    void counts_exactly_n_when_kafka_is_down_for_a_while_under_load() throws Exception {
        long begin = System.nanoTime();
        Tally tally = new Tally();
        PlatformUnderTest.deleteRecursively(WORK);
        try (PlatformUnderTest.RealServicesHandle shared = PlatformUnderTest.RealServicesHandle.of("postgres,keycloak,infinispan");
                OwnServices postgres = new OwnServices(WORK.resolve("postgres"), Set.of(Service.POSTGRES));
                OwnServices kafka = new OwnServices(WORK.resolve("kafka"), Set.of(Service.KAFKA))) {
            Endpoints own = postgres.start();
            String bootstrapServers = kafka.start().kafkaBootstrapServers();
            Endpoints sharedEndpoints = shared.endpoints();
            Endpoints endpoints = new Endpoints(own.postgresHost(), own.postgresPort(), own.postgresUser(), own.postgresPassword(),
                    bootstrapServers, sharedEndpoints.keycloakUrl(), sharedEndpoints.infinispanHosts(), sharedEndpoints.demoUsername(), sharedEndpoints.demoPassword(),
                    sharedEndpoints.automationClientSecret(), sharedEndpoints.keycloakAdminPassword());
            try (PlatformUnderTest platform = PlatformUnderTest.on(endpoints, "e2e-kafka-outage");
                    StatusUpstream upstream = new StatusUpstream()) {
                CountedTraffic traffic = CountedTraffic.ready(platform, upstream, tally, "outage-");
                TenantFixture tenant = traffic.tenant();
                Gateway gateway = traffic.gateway();
                AnalyticsApi analytics = traffic.analytics();
                GatewayMetrics metrics = traffic.metrics();

                try (Load load = new Load(gateway, tenant, 2, 5)) {
                    analytics.awaitRequests(1, Duration.ofSeconds(120)); // the whole path works before the outage
                    kafka.stop();
                    long down = System.nanoTime();
                    System.out.printf("[e2e] Kafka stopped after %d requests%n", tally.requests());
                    // the node gives Kafka its delivery timeout (15 s), then spools: wait until a good share went to disk
                    awaitMetric(metrics, "tollgate_access_events_spooled_total", 500, Duration.ofSeconds(180));
                    kafka.start();
                    System.out.printf("[e2e] Kafka back after %.1f s down; %d requests answered, %.0f events spooled%n",
                            (System.nanoTime() - down) / 1e9, tally.requests(), metrics.value("tollgate_access_events_spooled_total"));
                    awaitMetric(metrics, "tollgate_access_events_replayed_total", 1, Duration.ofSeconds(180)); // replay under load
                }
                System.out.println("[e2e] sent " + tally);
                assertTrue(tally.status(429) > 0 && tally.status(403) > 0 && tally.statusClass("5xx") > 0, "the mix is there: " + tally);
                ExactlyOnce.assertCounted(tally, metrics, analytics, Duration.ofSeconds(300));
                assertTrue(metrics.value("tollgate_access_events_replayed_total") >= metrics.value("tollgate_access_events_spooled_total"),
                        "every spooled event was replayed");
                assertTrue(metrics.value("tollgate_access_events_dropped_total") == 0, "nothing dropped");
            }
        } finally {
            System.out.printf("[e2e] KafkaOutageIT took %.1f s%n", (System.nanoTime() - begin) / 1e9);
        }
    }

    private static void awaitMetric(GatewayMetrics metrics, String name, double atLeast, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (metrics.value(name) < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " is " + metrics.value(name) + ", not yet " + atLeast + ", after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(250);
        }
    }
}

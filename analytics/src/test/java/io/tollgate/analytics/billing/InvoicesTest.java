package io.tollgate.analytics.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.analytics.api.ProblemException;
import io.tollgate.analytics.ingest.TestTopic;
import io.tollgate.analytics.ingest.UsageIngestor;
import io.tollgate.analytics.rollup.Rollup;
import io.tollgate.contract.v1.AccessEvent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Invoices from a known set of events, counted by the real ingest into real PostgreSQL. */
@QuarkusTest
class InvoicesTest {

    private static final long BYTES_OUT = 1_234_567_890L;

    @Inject
    DataSource dataSource;

    @Inject
    Invoices invoices;

    @Inject
    KeyUsageExport keyUsage;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static AccessEvent event(String tenant, Instant at, String keyId) {
        return new AccessEvent(UUID.randomUUID().toString(), at.toEpochMilli(), tenant, "a-1", "prod", "/a", "GET", 200, 1_000, -1, 0,
                BYTES_OUT, keyId, null, null, "r", "127.0.0.1");
    }

    @Test
    void a_closed_month_is_final_and_priced_under_the_plan_in_effect_the_running_month_is_a_draft() throws Exception {
        String payg = "t-payg-" + UUID.randomUUID();
        String free = "t-free-" + UUID.randomUUID();
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        YearMonth previous = current.minusMonths(1);
        // the last day of the previous month (at most 31 days ago: its minutes are still kept), and now
        Instant lastDay = previous.atEndOfMonth().atTime(10, 0).toInstant(ZoneOffset.UTC);
        List<AccessEvent> events = new ArrayList<>();
        for (String tenant : List.of(payg, free)) {
            for (int i = 0; i < 1_000; i++) {
                events.add(event(tenant, lastDay.plusMillis(i * 10L), i < 600 ? "k-1" : i < 900 ? "k-2" : null));
            }
            for (int i = 0; i < 7; i++) {
                events.add(event(tenant, Instant.now().minusSeconds(i), "k-1"));
            }
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement assign = connection.prepareStatement(
                "insert into plan_assignments (tenant_id, effective_from, plan_code, assigned_by) values (?, ?, 'PAYG', 'test')")) {
            assign.setString(1, payg);
            assign.setObject(2, previous.atDay(1));
            assign.executeUpdate();
        }
        String topic = TestTopic.create(bootstrapServers);
        TestTopic.publish(bootstrapServers, topic, events);
        try (UsageIngestor ingestor = new UsageIngestor(dataSource, Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "g-" + topic), topic, (connection, batch) -> { })) {
            Thread.ofPlatform().start(ingestor);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (ingestor.counted() < events.size()) {
                assertTrue(System.nanoTime() < deadline, "events counted");
                Thread.sleep(100);
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            while (Rollup.pendingHours(connection, 1_000) > 0) {
                // until every marked hour is rolled up (the application's own rollup may take some)
            }
        }

        // 1 000 requests = 0.001 M × 100 = 0.1 → 0; 1 234.56789 GB × 9 = 11 111.11101 → 11 111
        Invoice closed = invoices.of(payg, previous).await().indefinitely();
        assertEquals(Invoice.Status.FINAL, closed.status());
        assertEquals("PAYG", closed.plan());
        assertEquals("EUR", closed.currency());
        assertEquals(previous.toString(), closed.period());
        assertEquals(new java.math.BigDecimal("0.001"), closed.lines().get(1).quantity());
        assertEquals(new java.math.BigDecimal("1234.56789"), closed.lines().get(2).quantity());
        assertEquals(11_111, closed.totalMinor());

        Invoice running = invoices.of(payg, current).await().indefinitely();
        assertEquals(Invoice.Status.DRAFT, running.status());
        assertEquals(new java.math.BigDecimal("8.64197523"), running.lines().get(2).quantity()); // 7 × 1.23456789 GB
        assertEquals(78, running.totalMinor()); // 77.777… → 78

        assertEquals(new PricePlan("PAYG", "EUR", 0, false, 100, 9), invoices.plan(payg, current).await().indefinitely());
        PricePlan freePlan = invoices.plan(free, current).await().indefinitely();
        assertEquals("FREE", freePlan.code());
        assertEquals(1_000_000, freePlan.includedRequests());
        assertTrue(freePlan.hardLimit());

        Invoice freeClosed = invoices.of(free, previous).await().indefinitely();
        assertEquals("FREE", freeClosed.plan());
        assertEquals(java.math.BigDecimal.valueOf(1_000), freeClosed.lines().get(0).quantity());
        assertEquals(0, freeClosed.totalMinor());

        assertEquals("tenant_id,period,key_id,requests,bytes_in,bytes_out\r\n"
                + payg + "," + previous + ",-,100,0,123456789000\r\n"
                + payg + "," + previous + ",k-1,600,0,740740734000\r\n"
                + payg + "," + previous + ",k-2,300,0,370370367000\r\n", keyUsage.csv(payg, previous).await().indefinitely());

        List<Invoice> listed = invoices.list(payg).await().indefinitely();
        assertEquals(List.of(current.toString(), previous.toString()), listed.stream().map(Invoice::period).toList());
        assertEquals(List.of(current.toString()), invoices.list("t-none-" + UUID.randomUUID()).await().indefinitely().stream()
                .map(Invoice::period).toList(), "a tenant without usage has the running month's (empty) draft only");
    }

    @Test
    void a_period_must_be_a_month_that_has_begun() {
        assertEquals(YearMonth.of(2026, 1), InvoiceResource.month("2026-01"));
        assertThrows(ProblemException.class, () -> InvoiceResource.month("2026-13"));
        assertThrows(ProblemException.class, () -> InvoiceResource.month("26-1"));
        assertThrows(ProblemException.class, () -> InvoiceResource.month(YearMonth.now(ZoneOffset.UTC).plusMonths(1).toString()));
    }
}

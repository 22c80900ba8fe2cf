package io.tollgate.controlplane.publish;

import static io.tollgate.controlplane.TenantApi.createApi;
import static io.tollgate.controlplane.TenantApi.createApiKey;
import static io.tollgate.controlplane.TenantApi.createProxyRoute;
import static io.tollgate.controlplane.TenantApi.createTenant;
import static io.tollgate.controlplane.TenantApi.signUp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.contract.v1.ApiKeyConfig;
import io.tollgate.contract.v1.ConfigCodec;
import io.tollgate.contract.v1.ConfigRecord;
import io.tollgate.contract.pem.Pem;
import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.contract.v1.DomainConfig;
import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.contract.v1.Sealing;
import io.tollgate.contract.v1.StageConfig;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.contract.v1.UsagePlanConfig;
import io.tollgate.controlplane.TenantApi.Signed;
import io.tollgate.controlplane.domain.Dnsmasq;
import io.tollgate.controlplane.domain.TestCertificates;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Changes made through the tenant API reach the real config topic as a data-plane node reads it: in
 * commit order, with the revision header, values that decode to the expected records, tombstones for
 * deletions, and again after a failed publication (at least once).
 */
@QuarkusTest
class ConfigPublicationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "tollgate.config.topic")
    String topic;

    @ConfigProperty(name = "tollgate.domains.dns-resolver")
    String resolver;

    @ConfigProperty(name = "tollgate.config.seal-key")
    String sealKey;

    @Inject
    Pool pool;

    @Inject
    OutboxRelay relay;

    /** One message of the topic as the node sees it. */
    record Message(String key, byte[] value, long revisionHeader, long offset) {
        ConfigRecord record() {
            return value == null ? null : ConfigCodec.decode(key, value);
        }
    }

    @Test
    void changes_arrive_on_the_config_topic_in_commit_order_with_revisions_and_tombstones() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Published");
        String api = createApi(owner, tenant, "Pets");
        createProxyRoute(owner, tenant, api, "GET", "/pets/{id}", "https://backend.example.test/pets/{id}");
        String deployment = owner.call().body(Map.of("stageName", "prod")).post("/v1/tenants/{t}/apis/{a}/deployments", tenant, api)
                .then().statusCode(201).extract().path("id");
        String prod = owner.call().get("/v1/tenants/{t}/apis/{a}/stages/prod", tenant, api).then().extract().path("id");
        owner.call().body(Map.of("deploymentId", deployment, "throttle", Map.of("rateLimit", 50, "burstLimit", 100)))
                .put("/v1/tenants/{t}/apis/{a}/stages/prod", tenant, api).then().statusCode(200);
        String dev = owner.call().body(Map.of("deploymentId", deployment)).put("/v1/tenants/{t}/apis/{a}/stages/dev", tenant, api)
                .then().statusCode(201).extract().path("id");
        owner.call().delete("/v1/tenants/{t}/apis/{a}/stages/dev", tenant, api).then().statusCode(204);

        List<String> expectedKeys = List.of("tenant:" + tenant, "deployment:" + deployment, "stage:" + prod, "stage:" + prod,
                "stage:" + dev, "stage:" + dev);
        Set<String> ours = Set.copyOf(expectedKeys);
        List<Message> messages = consumeUntil(m -> ours.contains(m.key()), expectedKeys.size());

        assertEquals(expectedKeys, messages.stream().map(Message::key).toList());
        for (int i = 1; i < messages.size(); i++) {
            assertTrue(messages.get(i).revisionHeader() > messages.get(i - 1).revisionHeader(),
                    "revisions grow in commit order: " + messages);
        }
        for (Message message : messages) {
            if (message.value() != null) {
                assertEquals(message.revisionHeader(), message.record().revision(), "record revision = header of " + message.key());
            }
        }
        TenantConfig tenantConfig = assertInstanceOf(TenantConfig.class, messages.get(0).record());
        assertEquals(TenantConfig.Status.ACTIVE, tenantConfig.status());
        DeploymentConfig deploymentConfig = assertInstanceOf(DeploymentConfig.class, messages.get(1).record());
        assertEquals(1, deploymentConfig.number());
        assertEquals(tenant, deploymentConfig.tenantId());
        assertEquals("/pets/{id}", deploymentConfig.routes().get(0).path());
        assertEquals("https://backend.example.test/pets/{id}",
                assertInstanceOf(IntegrationConfig.HttpProxy.class, deploymentConfig.routes().get(0).integration()).uri());
        StageConfig created = assertInstanceOf(StageConfig.class, messages.get(2).record());
        assertEquals(deployment, created.deploymentId());
        assertNull(created.throttle());
        StageConfig updated = assertInstanceOf(StageConfig.class, messages.get(3).record());
        assertEquals(new StageConfig.ThrottleConfig(50, 100), updated.throttle());
        assertNotNull(messages.get(4).value());
        assertNull(messages.get(5).value(), "a deleted stage is a tombstone");
        awaitPublished(messages.get(5).revisionHeader());
    }

    @Test
    void a_row_whose_publication_was_not_recorded_is_published_again_with_the_same_revision() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Again");
        String key = "tenant:" + tenant;
        Message first = consumeUntil(m -> m.key().equals(key), 1).get(0);
        awaitPublished(first.revisionHeader());

        // As if the relay crashed after Kafka acked but before its transaction committed.
        pool.preparedQuery("update config_outbox set published_at = null where seq = $1")
                .execute(Tuple.of(first.revisionHeader())).await().indefinitely();
        relay.nudge();

        List<Message> both = consumeUntil(m -> m.key().equals(key), 2);
        assertEquals(first.revisionHeader(), both.get(1).revisionHeader());
        assertArrayEquals(first.value(), both.get(1).value());
        assertTrue(both.get(1).offset() > first.offset());
    }

    @Test
    void deleting_an_api_tombstones_its_stages_before_its_deployments() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Tombstones");
        String api = createApi(owner, tenant, "Pets");
        createProxyRoute(owner, tenant, api, "GET", "/pets", "https://backend.example.test/pets");
        String deployment = owner.call().body(Map.of("stageName", "prod")).post("/v1/tenants/{t}/apis/{a}/deployments", tenant, api)
                .then().statusCode(201).extract().path("id");
        String prod = owner.call().get("/v1/tenants/{t}/apis/{a}/stages/prod", tenant, api).then().extract().path("id");
        owner.call().delete("/v1/tenants/{t}/apis/{a}", tenant, api).then().statusCode(204);

        Set<String> keys = Set.of("deployment:" + deployment, "stage:" + prod);
        List<Message> messages = consumeUntil(m -> keys.contains(m.key()), 4);
        assertEquals(List.of("deployment:" + deployment, "stage:" + prod, "stage:" + prod, "deployment:" + deployment),
                messages.stream().map(Message::key).toList());
        assertNull(messages.get(2).value());
        assertNull(messages.get(3).value());
    }

    @Test
    void usage_plans_and_api_keys_are_published_with_the_hash_of_the_key_value_and_tombstoned_on_delete() throws Exception {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Keys published");
        String api = createApi(owner, tenant, "Pets");
        String plan = owner.call().body(Map.of("name", "Gold", "throttle", Map.of("rateLimit", 10, "burstLimit", 20),
                        "quota", Map.of("limit", 1000, "period", "WEEK"),
                        "stages", List.of(Map.of("apiId", api, "stage", "prod"))))
                .post("/v1/tenants/{t}/usage-plans", tenant).then().statusCode(201).extract().path("id");
        String importedValue = "imported-key-value-" + java.util.UUID.randomUUID();
        String imported = owner.call().body(Map.of("name", "legacy", "value", importedValue, "usagePlanIds", List.of(plan)))
                .post("/v1/tenants/{t}/api-keys", tenant).then().statusCode(201).extract().path("id");
        Map<String, Object> generated = createApiKey(owner, tenant, "new", plan);
        String generatedId = (String) generated.get("id");
        owner.call().body(Map.of("enabled", false)).patch("/v1/tenants/{t}/api-keys/{k}", tenant, generatedId).then()
                .statusCode(200);
        owner.call().delete("/v1/tenants/{t}/api-keys/{k}", tenant, generatedId).then().statusCode(204);
        owner.call().delete("/v1/tenants/{t}/api-keys/{k}", tenant, imported).then().statusCode(204);
        owner.call().delete("/v1/tenants/{t}/usage-plans/{p}", tenant, plan).then().statusCode(204);

        String planKey = "usage-plan:" + plan;
        String importedKey = "api-key:" + imported;
        String generatedKey = "api-key:" + generatedId;
        List<String> expectedKeys = List.of(planKey, importedKey, generatedKey, generatedKey, generatedKey, importedKey, planKey);
        Set<String> ours = Set.of(planKey, importedKey, generatedKey);
        List<Message> messages = consumeUntil(m -> ours.contains(m.key()), expectedKeys.size());
        assertEquals(expectedKeys, messages.stream().map(Message::key).toList());

        UsagePlanConfig planConfig = assertInstanceOf(UsagePlanConfig.class, messages.get(0).record());
        assertEquals(tenant, planConfig.tenantId());
        assertEquals(new UsagePlanConfig.QuotaConfig(1000, UsagePlanConfig.QuotaPeriod.WEEK), planConfig.quota());
        assertEquals(new StageConfig.ThrottleConfig(10, 20), planConfig.throttle());
        assertEquals(List.of(new UsagePlanConfig.PlanStage(api, "prod", null)), planConfig.stages());

        ApiKeyConfig importedConfig = assertInstanceOf(ApiKeyConfig.class, messages.get(1).record());
        assertEquals(sha256Hex(importedValue), importedConfig.sha256(), "the node matches the imported value by this hash");
        assertEquals(List.of(plan), importedConfig.usagePlanIds());
        assertTrue(importedConfig.enabled());
        ApiKeyConfig generatedConfig = assertInstanceOf(ApiKeyConfig.class, messages.get(2).record());
        assertEquals(sha256Hex((String) generated.get("value")), generatedConfig.sha256());
        assertEquals(false, assertInstanceOf(ApiKeyConfig.class, messages.get(3).record()).enabled());
        for (Message message : messages) {
            if (message.value() != null) {
                String json = new String(message.value(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(!json.contains(importedValue) && !json.contains((String) generated.get("value")),
                        "no key value on the topic: " + json);
            }
        }
        assertNull(messages.get(4).value(), "a deleted key is a tombstone");
        assertNull(messages.get(5).value(), "a deleted key is a tombstone");
        assertNull(messages.get(6).value(), "a deleted plan is a tombstone");
    }

    @Test
    void a_custom_domain_is_published_once_verified_with_its_sealed_key_and_mappings_and_tombstoned_on_delete()
            throws Exception {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Domains published");
        String api = createApi(owner, tenant, "Pets");
        String host = "pub-" + java.util.UUID.randomUUID().toString().substring(0, 8) + ".example.test";
        Map<String, Object> created = owner.call().body(Map.of("hostname", host)).post("/v1/tenants/{t}/domains", tenant)
                .then().statusCode(201).extract().jsonPath().getMap("");
        String domain = (String) created.get("id");
        // Pending: mappings are kept but nothing reaches the gateway yet.
        owner.call().body(Map.of("basePath", "pets", "apiId", api, "stage", "prod"))
                .post("/v1/tenants/{t}/domains/{d}/mappings", tenant, domain).then().statusCode(201);
        @SuppressWarnings("unchecked")
        Map<String, String> txt = (Map<String, String>) created.get("verification");
        try (Dnsmasq ignored = Dnsmasq.serve(Integer.parseInt(resolver.substring(resolver.lastIndexOf(':') + 1)),
                Map.of(txt.get("name"), txt.get("value")))) {
            owner.call().post("/v1/tenants/{t}/domains/{d}/verify", tenant, domain).then().statusCode(200);
        }
        TestCertificates.Issued root = TestCertificates.root("Test Root");
        TestCertificates.Issued leaf = TestCertificates.leaf(root, TestCertificates.ec(), host);
        owner.call().body(Map.of("chainPem", TestCertificates.chain(leaf, root), "privateKeyPem", leaf.privateKeyPem()))
                .put("/v1/tenants/{t}/domains/{d}/certificate", tenant, domain).then().statusCode(200);
        owner.call().body(Map.of("apiId", api, "stage", "dev"))
                .post("/v1/tenants/{t}/domains/{d}/mappings", tenant, domain).then().statusCode(201);
        owner.call().delete("/v1/tenants/{t}/domains/{d}", tenant, domain).then().statusCode(204);

        String key = "domain:" + domain;
        List<Message> messages = consumeUntil(m -> m.key().equals(key), 4);
        DomainConfig verified = assertInstanceOf(DomainConfig.class, messages.get(0).record());
        assertEquals(host, verified.hostname());
        assertEquals(tenant, verified.tenantId());
        assertNull(verified.certificate(), "verified before any certificate: plain HTTP");
        assertEquals(List.of(new DomainConfig.BasePathMapping("pets", api, "prod")), verified.mappings());

        DomainConfig withCertificate = assertInstanceOf(DomainConfig.class, messages.get(1).record());
        assertEquals(leaf.certificate(), Pem.certificates(withCertificate.certificate().chainPem())[0]);
        String sealed = withCertificate.certificate().sealedPrivateKey();
        assertTrue(!sealed.contains("PRIVATE KEY"), "the key crosses Kafka sealed");
        // What a gateway node does with it (SnapshotCompiler): open with the shared key and the record key.
        byte[] opened = Sealing.fromBase64(sealKey).open(sealed, key);
        assertEquals(leaf.keys().getPrivate(), Pem.privateKey(new String(opened, java.nio.charset.StandardCharsets.US_ASCII)));

        DomainConfig withRoot = assertInstanceOf(DomainConfig.class, messages.get(2).record());
        assertEquals(List.of(new DomainConfig.BasePathMapping("", api, "dev"), new DomainConfig.BasePathMapping("pets", api, "prod")),
                withRoot.mappings());
        assertEquals(sealed, withRoot.certificate().sealedPrivateKey(), "the stored sealed value is published as is");
        assertNull(messages.get(3).value(), "a deleted domain is a tombstone");
    }

    @Test
    void a_cache_flush_publishes_the_stage_with_the_next_cache_generation() {
        Signed owner = signUp("flusher");
        String tenant = createTenant(owner, "Flushed");
        String api = createApi(owner, tenant, "Cached");
        createProxyRoute(owner, tenant, api, "GET", "/items", "https://backend.example.test/items");
        String deployment = owner.call().body(Map.of("stageName", "prod")).post("/v1/tenants/{t}/apis/{a}/deployments", tenant, api)
                .then().statusCode(201).extract().path("id");
        String prod = owner.call().body(Map.of("deploymentId", deployment, "cache", Map.of("enabled", true, "ttlSeconds", 120)))
                .put("/v1/tenants/{t}/apis/{a}/stages/prod", tenant, api).then().statusCode(200).extract().path("id");

        owner.call().post("/v1/tenants/{t}/apis/{a}/stages/prod/cache/flush", tenant, api).then().statusCode(200)
                .body("stage", org.hamcrest.Matchers.equalTo("prod")).body("cacheGeneration", org.hamcrest.Matchers.equalTo(1));
        owner.call().post("/v1/tenants/{t}/apis/{a}/stages/prod/cache/flush", tenant, api).then().statusCode(200)
                .body("cacheGeneration", org.hamcrest.Matchers.equalTo(2));
        owner.call().post("/v1/tenants/{t}/apis/{a}/stages/nope/cache/flush", tenant, api).then().statusCode(404)
                .contentType("application/problem+json");

        // created by the deployment, updated with the cache, then flushed twice
        List<Message> stageMessages = consumeUntil(m -> m.key().equals("stage:" + prod), 4);
        StageConfig.CacheConfig beforeFlush = assertInstanceOf(StageConfig.class, stageMessages.get(1).record()).cache();
        assertTrue(beforeFlush.enabled());
        assertNull(beforeFlush.generation(), "no flush yet: the field is left out");
        StageConfig.CacheConfig flushedTwice = assertInstanceOf(StageConfig.class, stageMessages.get(3).record()).cache();
        assertEquals(2L, flushedTwice.generation());
        assertEquals(120, flushedTwice.ttlSeconds(), "a flush keeps the cache settings");
    }

    private static String sha256Hex(String value) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Reads the topic from the beginning until {@code count} messages matching the filter arrived. */
    private List<Message> consumeUntil(Predicate<Message> filter, int count) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<Message> found = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header revision = record.headers().lastHeader(ConfigProducer.REVISION_HEADER);
                    assertNotNull(revision, "every message carries the revision header: " + record.key());
                    assertEquals(Long.BYTES, revision.value().length);
                    Message message = new Message(record.key(), record.value(), ByteBuffer.wrap(revision.value()).getLong(),
                            record.offset());
                    if (filter.test(message)) {
                        found.add(message);
                    }
                }
            }
            assertEquals(count, found.size(), "messages on " + topic + ": " + found.stream().map(Message::key).toList());
            return found;
        }
    }

    private long unpublishedUpTo(long seq) {
        return pool.preparedQuery("select count(*) from config_outbox where published_at is null and seq <= $1")
                .execute(Tuple.of(seq)).await().indefinitely().iterator().next().getLong(0);
    }

    private void awaitPublished(long seq) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (unpublishedUpTo(seq) > 0) {
            assertTrue(System.nanoTime() < deadline, "row " + seq + " was never marked published");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

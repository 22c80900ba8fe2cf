package io.tollgate.contract.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfigCodecTest {

    @Test
    void every_kind_survives_a_round_trip_under_its_key() {
        for (ConfigRecord record : Samples.oneOfEach()) {
            ConfigRecord decoded = ConfigCodec.decode(record.key(), ConfigCodec.encode(record));
            assertEquals(record, decoded, record.key());
        }
    }

    @Test
    void integrations_and_authorizers_carry_their_type() {
        String json = ConfigCodec.toPrettyJson(Samples.deployment());
        assertTrue(json.contains("\"type\" : \"HTTP_PROXY\""), json);
        assertTrue(json.contains("\"type\" : \"MOCK\""), json);
        assertTrue(json.contains("\"type\" : \"FUNCTION\""), json);
        assertTrue(json.contains("\"type\" : \"REQUEST\""), json);
    }

    @Test
    void unknown_fields_from_a_newer_writer_are_ignored() {
        String json = "{\"id\":\"t-9\",\"revision\":3,\"status\":\"SUSPENDED\",\"billingTier\":\"gold\"}";
        TenantConfig tenant = (TenantConfig) ConfigCodec.decode("tenant:t-9", json.getBytes(StandardCharsets.UTF_8));
        assertEquals(TenantConfig.Status.SUSPENDED, tenant.status());
    }

    @Test
    void a_tenant_of_an_older_writer_has_no_plan_limit() {
        String json = "{\"id\":\"t-9\",\"revision\":3,\"status\":\"ACTIVE\"}";
        TenantConfig tenant = (TenantConfig) ConfigCodec.decode("tenant:t-9", json.getBytes(StandardCharsets.UTF_8));
        assertEquals(null, tenant.planLimit());
        assertTrue(!new String(ConfigCodec.encode(tenant), StandardCharsets.UTF_8).contains("planLimit"));
    }

    @Test
    void rejects_a_plan_limit_without_its_period() {
        String json = "{\"id\":\"t-9\",\"revision\":3,\"status\":\"ACTIVE\",\"planLimit\":{\"plan\":\"FREE\","
                + "\"limit\":\"MONTHLY_REQUESTS\",\"allowance\":5,\"since\":\"2026-12-01T00:00:00Z\","
                + "\"resetsAt\":\"2027-01-01T00:00:00Z\"}}";
        ConfigCodec.InvalidConfigException failure = assertThrows(ConfigCodec.InvalidConfigException.class,
                () -> ConfigCodec.decode("tenant:t-9", json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(failure.getMessage().contains("planLimit.period"), failure.getMessage());
    }

    @Test
    void a_deployment_of_an_older_writer_gets_the_defaults_of_newer_optional_fields() {
        String json = """
                {"id":"d-1","tenantId":"t-1","revision":1,"apiId":"a-1","number":1,"apiKind":"HTTP",
                 "routes":[{"id":"r-1","method":"GET","path":"/x",
                   "authorization":{"type":"JWT","authorizerId":"j"},
                   "integration":{"type":"HTTP","uri":"http://up/x","requestTemplates":{}}}],
                 "authorizers":[{"type":"JWT","id":"j","issuer":"http://kc","jwksUri":"http://kc/certs"}]}""";
        DeploymentConfig deployment = (DeploymentConfig) ConfigCodec.decode("deployment:d-1", json.getBytes(StandardCharsets.UTF_8));
        AuthorizerConfig.Jwt jwt = (AuthorizerConfig.Jwt) deployment.authorizers().getFirst();
        assertEquals("$request.header.Authorization", jwt.identitySource());
        assertEquals(AuthorizerConfig.Jwt.DEFAULT_CLOCK_SKEW_SECONDS, jwt.clockSkewSeconds());
        assertEquals(java.util.Map.of(), ((IntegrationConfig.Http) deployment.routes().getFirst().integration()).responseTemplates());
    }

    @Test
    void rejects_a_record_that_fails_validation_naming_key_and_problem() {
        String json = "{\"id\":\"k-1\",\"tenantId\":\"t-1\",\"revision\":1,\"sha256\":\"not-a-hash\",\"enabled\":true}";
        ConfigCodec.InvalidConfigException failure = assertThrows(ConfigCodec.InvalidConfigException.class,
                () -> ConfigCodec.decode("api-key:k-1", json.getBytes(StandardCharsets.UTF_8)));
        assertEquals("api-key:k-1", failure.key());
        assertTrue(failure.getMessage().contains("sha256"), failure.getMessage());
    }

    @Test
    void rejects_malformed_json() {
        assertInstanceOf(ConfigCodec.InvalidConfigException.class, assertThrows(IllegalArgumentException.class,
                () -> ConfigCodec.decode("tenant:t-1", "{not json".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void rejects_a_value_stored_under_another_entitys_key() {
        byte[] tenant = ConfigCodec.encode(new TenantConfig("t-1", 1, TenantConfig.Status.ACTIVE));
        assertThrows(ConfigCodec.InvalidConfigException.class, () -> ConfigCodec.decode("tenant:t-2", tenant));
    }

    @Test
    void rejects_unknown_kinds_and_malformed_keys() {
        assertThrows(IllegalArgumentException.class, () -> ConfigKind.ofKey("widget:1"));
        assertThrows(IllegalArgumentException.class, () -> ConfigKind.ofKey("tenant"));
        assertThrows(IllegalArgumentException.class, () -> ConfigKind.ofKey("tenant:"));
        assertEquals(ConfigKind.API_KEY, ConfigKind.ofKey("api-key:abc"));
        assertEquals("abc:def", ConfigKind.idOfKey("stage:abc:def"));
    }
}

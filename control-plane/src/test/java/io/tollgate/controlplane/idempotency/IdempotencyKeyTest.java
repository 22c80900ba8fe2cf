package io.tollgate.controlplane.idempotency;

import static io.tollgate.controlplane.TenantApi.createTenant;
import static io.tollgate.controlplane.TenantApi.join;
import static io.tollgate.controlplane.TenantApi.signUp;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.controlplane.TenantApi.Signed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Idempotency-Key header on creates, with real Keycloak tokens. */
@QuarkusTest
class IdempotencyKeyTest {

    private static final String REUSED = "https://tollgate.dev/problems/idempotency-key-reused";
    private static final String VALIDATION = "https://tollgate.dev/problems/validation";

    @Test
    void a_repeat_with_the_same_key_and_body_replays_the_first_response_without_creating_again() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Idempotent");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "Pets", "kind", "REST");

        var first = owner.call().header("Idempotency-Key", key).body(body).post("/v1/tenants/{t}/apis", tenant)
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).header("ETag", "\"0\"").extract();
        String id = first.path("id");
        owner.call().header("Idempotency-Key", key).body(body).post("/v1/tenants/{t}/apis", tenant)
                .then().statusCode(201).header("Idempotent-Replayed", "true").header("ETag", "\"0\"")
                .header("Location", containsString("/apis/" + id)).body("id", equalTo(id)).body("name", equalTo("Pets"));
        owner.call().get("/v1/tenants/{t}/apis", tenant).then().statusCode(200).body("items", hasSize(1));

        // Another key is another request.
        owner.call().header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/v1/tenants/{t}/apis", tenant).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        owner.call().get("/v1/tenants/{t}/apis", tenant).then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void the_same_key_with_a_different_body_answers_422() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Reused key");
        String key = UUID.randomUUID().toString();
        owner.call().header("Idempotency-Key", key).body(Map.of("name", "Pets", "kind", "REST"))
                .post("/v1/tenants/{t}/apis", tenant).then().statusCode(201);
        owner.call().header("Idempotency-Key", key).body(Map.of("name", "Cats", "kind", "REST"))
                .post("/v1/tenants/{t}/apis", tenant).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(REUSED));
        owner.call().get("/v1/tenants/{t}/apis", tenant).then().statusCode(200).body("items.name", equalTo(List.of("Pets")));
    }

    @Test
    void without_the_header_every_post_creates() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "No key");
        Map<String, Object> body = Map.of("name", "Pets", "kind", "REST");
        owner.call().body(body).post("/v1/tenants/{t}/apis", tenant).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        owner.call().body(body).post("/v1/tenants/{t}/apis", tenant).then().statusCode(201);
        owner.call().get("/v1/tenants/{t}/apis", tenant).then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void one_callers_keys_do_not_affect_another_caller() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Two callers");
        Signed developer = join(owner, tenant, "developer", "dev");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "Pets", "kind", "REST");
        String mine = owner.call().header("Idempotency-Key", key).body(body).post("/v1/tenants/{t}/apis", tenant)
                .then().statusCode(201).extract().path("id");
        String theirs = developer.call().header("Idempotency-Key", key).body(body).post("/v1/tenants/{t}/apis", tenant)
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(mine, theirs);
        // A different body from the other caller is no reuse either.
        developer.call().header("Idempotency-Key", key).body(Map.of("name", "Other", "kind", "REST"))
                .post("/v1/tenants/{t}/apis", tenant).then().statusCode(422);
        owner.call().get("/v1/tenants/{t}/apis", tenant).then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void a_failed_create_forgets_its_key_and_tenant_creation_is_idempotent_too() {
        Signed person = signUp("founder");
        String key = UUID.randomUUID().toString();
        String first = person.call().header("Idempotency-Key", key).body(Map.of("name", "Acme"))
                .post("/v1/tenants").then().statusCode(201).extract().path("id");
        person.call().header("Idempotency-Key", key).body(Map.of("name", "Acme"))
                .post("/v1/tenants").then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));

        String apiKey = UUID.randomUUID().toString();
        person.call().header("Idempotency-Key", apiKey).body(Map.of("kind", "REST"))
                .post("/v1/tenants/{t}/apis", first).then().statusCode(400);
        person.call().header("Idempotency-Key", apiKey).body(Map.of("name", "Fixed", "kind", "REST"))
                .post("/v1/tenants/{t}/apis", first).then().statusCode(201).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void creates_that_return_a_secret_refuse_the_header() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Secrets");
        owner.call().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("name", "ci", "role", "developer", "expiresAt", Instant.now().plusSeconds(3600).toString()))
                .post("/v1/tenants/{t}/access-tokens", tenant).then().statusCode(400).body("type", equalTo(VALIDATION));
        owner.call().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("name", "k", "usagePlanIds", List.of()))
                .post("/v1/tenants/{t}/api-keys", tenant).then().statusCode(400).body("type", equalTo(VALIDATION));
        owner.call().header("Idempotency-Key", " ").body(Map.of("name", "Pets", "kind", "REST"))
                .post("/v1/tenants/{t}/apis", tenant).then().statusCode(400).body("type", equalTo(VALIDATION));
    }
}

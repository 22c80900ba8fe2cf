package io.tollgate.controlplane.planlimit;

import static io.restassured.RestAssured.given;
import static io.tollgate.controlplane.TenantApi.createAccessToken;
import static io.tollgate.controlplane.TenantApi.createTenant;
import static io.tollgate.controlplane.TenantApi.signUp;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tollgate.contract.v1.ConfigCodec;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.controlplane.TenantApi.Signed;
import io.tollgate.runtime.testing.RealServices;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The internal endpoint analytics reports used-up plan limits to: only the platform's service account
 * may call it; a report is recorded, audited and published as the tenant's configuration record; a lift
 * undoes it the same way; repeated and stale reports change nothing.
 */
@QuarkusTest
class PlanLimitResourceTest {

    @ConfigProperty(name = RealServices.TOKEN_URL)
    String tokenUrl;

    @ConfigProperty(name = RealServices.AUTOMATION_CLIENT_SECRET)
    String automationSecret;

    @Inject
    Pool pool;

    private static final Map<String, Object> DECEMBER = Map.of("plan", "FREE", "limit", "MONTHLY_REQUESTS",
            "allowance", 1_000_000, "period", "2026-12", "since", "2026-12-20T10:15:30Z");

    private String platformToken() {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", "tollgate-automation")
                .formParam("client_secret", automationSecret).post(tokenUrl).then().statusCode(200).extract().path("access_token");
    }

    private RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void the_platform_records_a_limit_which_is_audited_published_and_shown_to_the_tenant() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Limited");
        String platform = platformToken();

        as(platform).body(DECEMBER).put("/internal/v1/tenants/{t}/plan-limit", tenant).then().statusCode(200)
                .body("plan", equalTo("FREE")).body("limit", equalTo("MONTHLY_REQUESTS")).body("allowance", equalTo(1_000_000))
                .body("period", equalTo("2026-12")).body("since", equalTo("2026-12-20T10:15:30Z"))
                .body("resetsAt", equalTo("2027-01-01T00:00:00Z"));
        // repeated (analytics retries until it saw a success): nothing new
        as(platform).body(DECEMBER).put("/internal/v1/tenants/{t}/plan-limit", tenant).then().statusCode(200);

        owner.call().get("/v1/tenants/{t}", tenant).then().statusCode(200)
                .body("planLimit.period", equalTo("2026-12")).body("planLimit.resetsAt", equalTo("2027-01-01T00:00:00Z"));
        owner.call().get("/v1/tenants/{t}/audit-log", tenant).then().statusCode(200)
                .body("items.action", contains("tenant.plan-limit.reached", "member.added", "tenant.created"))
                .body("items[0].actor.type", equalTo("platform"))
                .body("items[0].actor.name", equalTo("tollgate-automation"))
                .body("items[0].after.allowance", equalTo(1_000_000));

        TenantConfig published = lastTenantRecord(tenant);
        assertNotNull(published.planLimit(), "the gateway learns of the limit");
        assertEquals(new TenantConfig.PlanLimit("FREE", "MONTHLY_REQUESTS", 1_000_000, "2026-12",
                Instant.parse("2026-12-20T10:15:30Z"), Instant.parse("2027-01-01T00:00:00Z")), published.planLimit());
        assertEquals(2, tenantRecords(tenant).size(), "created, then limited once despite two reports");

        as(platform).delete("/internal/v1/tenants/{t}/plan-limit?period=2026-12&reason=NEW_PERIOD", tenant).then().statusCode(204);
        as(platform).delete("/internal/v1/tenants/{t}/plan-limit?period=2026-12&reason=NEW_PERIOD", tenant).then().statusCode(204);
        owner.call().get("/v1/tenants/{t}", tenant).then().statusCode(200).body("planLimit", nullValue());
        as(platform).get("/internal/v1/tenants/{t}/plan-limit", tenant).then().statusCode(404);
        owner.call().get("/v1/tenants/{t}/audit-log", tenant).then().statusCode(200)
                .body("items.action", contains("tenant.plan-limit.lifted", "tenant.plan-limit.reached", "member.added",
                        "tenant.created"))
                .body("items[0].before.period", equalTo("2026-12")).body("items[0].after.reason", equalTo("NEW_PERIOD"));
        assertNull(lastTenantRecord(tenant).planLimit(), "the gateway learns of the lift");
        assertEquals(3, tenantRecords(tenant).size(), "a lift of nothing publishes nothing");
    }

    @Test
    void a_stale_report_or_lift_of_another_period_changes_nothing() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Reordered");
        String platform = platformToken();
        Map<String, Object> january = Map.of("plan", "FREE", "limit", "MONTHLY_REQUESTS", "allowance", 1_000_000,
                "period", "2027-01");
        as(platform).body(january).put("/internal/v1/tenants/{t}/plan-limit", tenant).then().statusCode(200);
        // December's report arrives late: January's limit stays
        as(platform).body(DECEMBER).put("/internal/v1/tenants/{t}/plan-limit", tenant).then().statusCode(200)
                .body("period", equalTo("2027-01"));
        // so does December's lift
        as(platform).delete("/internal/v1/tenants/{t}/plan-limit?period=2026-12&reason=NEW_PERIOD", tenant).then().statusCode(204);
        as(platform).get("/internal/v1/tenants/{t}/plan-limit", tenant).then().statusCode(200).body("period", equalTo("2027-01"));
        assertEquals(2, tenantRecords(tenant).size());
    }

    @Test
    void only_the_platforms_service_account_may_call_it() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Guarded");
        String adminToken = createAccessToken(owner, tenant, "admin").get("token");

        given().contentType(ContentType.JSON).body(DECEMBER).put("/internal/v1/tenants/{t}/plan-limit", tenant).then()
                .statusCode(401).contentType("application/problem+json");
        owner.call().body(DECEMBER).put("/internal/v1/tenants/{t}/plan-limit", tenant).then().statusCode(403)
                .contentType("application/problem+json");
        owner.call().delete("/internal/v1/tenants/{t}/plan-limit?period=2026-12&reason=NEW_PERIOD", tenant).then().statusCode(403);
        owner.call().get("/internal/v1/tenants/{t}/plan-limit", tenant).then().statusCode(403);
        as(adminToken).body(DECEMBER).put("/internal/v1/tenants/{t}/plan-limit", tenant).then().statusCode(403)
                .contentType("application/problem+json");
        signUp("stranger").call().body(DECEMBER).put("/internal/v1/tenants/{t}/plan-limit", tenant).then().statusCode(403);

        owner.call().get("/v1/tenants/{t}", tenant).then().statusCode(200).body("planLimit", nullValue());
        assertEquals(1, tenantRecords(tenant).size(), "nothing published");
    }

    @Test
    void bad_reports_answer_problems() {
        String tenant = createTenant(signUp("owner"), "Validated");
        String platform = platformToken();
        as(platform).body(Map.of("plan", "FREE", "limit", "MONTHLY_REQUESTS", "allowance", 5, "period", "2026-13"))
                .put("/internal/v1/tenants/{t}/plan-limit", tenant).then().statusCode(400)
                .contentType("application/problem+json");
        as(platform).body(Map.of("plan", "FREE", "limit", "MONTHLY_REQUESTS", "allowance", -1, "period", "2026-12"))
                .put("/internal/v1/tenants/{t}/plan-limit", tenant).then().statusCode(400);
        as(platform).delete("/internal/v1/tenants/{t}/plan-limit?period=2026-12&reason=BECAUSE", tenant).then().statusCode(400)
                .contentType("application/problem+json");
        as(platform).body(DECEMBER).put("/internal/v1/tenants/{t}/plan-limit", "0190aaaa-0000-7000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
        as(platform).body(DECEMBER).put("/internal/v1/tenants/{t}/plan-limit", "not-a-tenant").then().statusCode(404);
    }

    @Test
    void the_endpoint_is_documented_under_the_internal_tag() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/internal/v1/tenants/{tenant}/plan-limit'.put.tags", contains("Internal"))
                .body("paths.'/internal/v1/tenants/{tenant}/plan-limit'.delete.tags", contains("Internal"))
                .body("tags.find { it.name == 'Internal' }.description", org.hamcrest.Matchers.containsString("tollgate-platform"));
    }

    /** The tenant's records in the outbox, oldest first, each checked to be published to the config topic. */
    private List<TenantConfig> tenantRecords(String tenant) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            List<TenantConfig> records = new ArrayList<>();
            boolean allPublished = true;
            for (Row row : pool.preparedQuery("select payload, published_at from config_outbox where record_key = $1 order by seq")
                    .execute(Tuple.of("tenant:" + tenant)).await().indefinitely()) {
                records.add((TenantConfig) ConfigCodec.decode("tenant:" + tenant, row.getBuffer(0).getBytes()));
                allPublished &= row.getValue(1) != null;
            }
            if (allPublished) {
                return records;
            }
            assertTrue(System.nanoTime() < deadline, "the relay did not publish the tenant's records");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private TenantConfig lastTenantRecord(String tenant) {
        return tenantRecords(tenant).getLast();
    }
}

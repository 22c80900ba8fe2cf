package io.tollgate.analytics.planlimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tollgate.runtime.testing.KeycloakUsers;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A tenant's plan limit end to end, as its users live it: requests through the real gateway are counted
 * by this analytics, which finds the plan's allowance used up and reports it to the real control plane
 * (service-account token); the control plane publishes it and the gateway refuses the tenant's traffic
 * with 429 TENANT_LIMIT_EXCEEDED. The owner (and nobody else) moves the tenant to a plan without a hard
 * limit: the restriction is lifted the same way and traffic flows again.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformBackends.class, restrictToAnnotatedClass = true)
class PlanLimitEndToEndTest {

    private static final int ALLOWANCE = 3;
    private static final String PLAN = "TEST-HARD-" + ALLOWANCE;
    private static final Duration WITHIN = Duration.ofSeconds(60);

    // Read when the test runs, not injected: PlatformBackends provides them to this class's app only, and
    // an injection point would be validated when the app starts for the module's other test classes too.
    private String controlPlane;
    private String gateway;

    @Inject
    DataSource dataSource;

    @Test
    void a_used_up_allowance_stops_the_tenants_traffic_until_the_owner_changes_the_plan() throws Exception {
        controlPlane = ConfigProvider.getConfig().getValue("tollgate.control-plane.url", String.class);
        gateway = ConfigProvider.getConfig().getValue("tollgate.gateway.url", String.class);
        KeycloakUsers users = KeycloakUsers.fromTestConfig();
        KeycloakUsers.Person ownerPerson = users.create("owner");
        String owner = users.token(ownerPerson);
        String tenant = as(owner).baseUri(controlPlane).body(Map.of("name", "Metered")).post("/v1/tenants")
                .then().statusCode(201).extract().path("id");
        String api = as(owner).baseUri(controlPlane).body(Map.of("name", "hello", "kind", "REST"))
                .post("/v1/tenants/{t}/apis", tenant).then().statusCode(201).extract().path("id");
        as(owner).baseUri(controlPlane).body(Map.of("method", "GET", "path", "/hello",
                        "integration", Map.of("type", "MOCK", "statusCode", 200, "body", "hi")))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(201);
        as(owner).baseUri(controlPlane).body(Map.of("description", "first", "stageName", "prod"))
                .post("/v1/tenants/{t}/apis/{a}/deployments", tenant, api).then().statusCode(201);
        // a plan like FREE with a small allowance, from this month on (plans are platform data: tests add their own)
        sql("insert into price_plans values ('" + PLAN + "', 'EUR', " + ALLOWANCE + ", true, 0, 0) on conflict do nothing");
        sql("insert into plan_assignments (tenant_id, effective_from, plan_code, assigned_by) values ('" + tenant + "', '"
                + YearMonth.now(ZoneOffset.UTC).atDay(1) + "', '" + PLAN + "', 'test')");

        String host = api + ".gateway.localhost";
        awaitStatus(host, 200); // deployed; this request is the first of the allowance
        for (int i = 1; i < ALLOWANCE; i++) {
            call(host).then().statusCode(200);
        }

        long usedUp = System.nanoTime();
        Response refused = awaitStatus(host, 429);
        System.out.printf("[plan-limit] allowance used up → gateway refuses: %.1f s%n", (System.nanoTime() - usedUp) / 1e9);
        refused.then().body("type", equalTo("TENANT_LIMIT_EXCEEDED")).header("retry-after", notNullValue());
        as(owner).baseUri(controlPlane).get("/v1/tenants/{t}", tenant).then().statusCode(200)
                .body("planLimit.plan", equalTo(PLAN)).body("planLimit.allowance", equalTo(ALLOWANCE));
        as(owner).get("/v1/tenants/{t}/analytics/plan", tenant).then().statusCode(200)
                .body("plan", equalTo(PLAN)).body("limitReached", equalTo(true))
                // the allowance, and what the gateway served while the restriction was on its way (awaitStatus' calls)
                .body("requests", greaterThanOrEqualTo(ALLOWANCE));
        as(owner).baseUri(controlPlane).get("/v1/tenants/{t}/audit-log", tenant).then().statusCode(200)
                .body("items[0].action", equalTo("tenant.plan-limit.reached")).body("items[0].actor.type", equalTo("platform"));

        // only the owner changes the plan: a developer of the tenant may not, a stranger does not see the tenant
        KeycloakUsers.Person developerPerson = users.create("developer");
        as(owner).baseUri(controlPlane).body(Map.of("email", developerPerson.email(), "role", "developer"))
                .post("/v1/tenants/{t}/invitations", tenant).then().statusCode(201);
        String developer = users.token(developerPerson);
        as(developer).baseUri(controlPlane).get("/v1/tenants/{t}", tenant).then().statusCode(200); // accepts the invitation
        as(developer).body(Map.of("plan", "PAYG")).put("/v1/tenants/{t}/analytics/plan", tenant).then().statusCode(403)
                .contentType("application/problem+json");
        as(developer).get("/v1/tenants/{t}/analytics/plan", tenant).then().statusCode(200).body("plan", equalTo(PLAN));
        as(users.token(users.create("stranger"))).body(Map.of("plan", "PAYG")).put("/v1/tenants/{t}/analytics/plan", tenant)
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("plan", "PAYG")).put("/v1/tenants/{t}/analytics/plan", tenant)
                .then().statusCode(401);
        as(owner).body(Map.of("plan", "GOLD")).put("/v1/tenants/{t}/analytics/plan", tenant).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("PAYG"));
        call(host).then().statusCode(429); // none of these changed anything

        as(owner).body(Map.of("plan", "PAYG")).put("/v1/tenants/{t}/analytics/plan", tenant).then().statusCode(200)
                .body("plan", equalTo("PAYG")).body("limitReached", equalTo(false))
                .body("changes[0].to", equalTo("PAYG")).body("changes[0].from", equalTo(PLAN))
                .body("changes[0].changedBy", equalTo(ownerPerson.email()));
        long changed = System.nanoTime();
        awaitStatus(host, 200).then().body(equalTo("hi"));
        System.out.printf("[plan-limit] plan changed → gateway serves again: %.1f s%n", (System.nanoTime() - changed) / 1e9);
        as(owner).baseUri(controlPlane).get("/v1/tenants/{t}", tenant).then().statusCode(200).body("planLimit", nullValue());
        List<String> actions = as(owner).baseUri(controlPlane).get("/v1/tenants/{t}/audit-log", tenant).then().statusCode(200)
                .extract().path("items.action");
        assertEquals("tenant.plan-limit.lifted", actions.getFirst());
        // back to a plan with a hard limit: from next month, so this month stays PAYG and served
        as(owner).body(Map.of("plan", PLAN)).put("/v1/tenants/{t}/analytics/plan", tenant).then().statusCode(200)
                .body("plan", equalTo("PAYG")).body("scheduled.plan", equalTo(PLAN))
                .body("scheduled.effectiveFrom", equalTo(YearMonth.now(ZoneOffset.UTC).plusMonths(1).atDay(1).toString()));
        Thread.sleep(3_000); // more than a round of the check
        call(host).then().statusCode(200);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private Response call(String host) {
        return given().baseUri(gateway).header("Host", host).get("/prod/hello");
    }

    /** The gateway's answer once it has the expected status, within {@link #WITHIN}. */
    private Response awaitStatus(String host, int status) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            Response response = call(host);
            if (response.statusCode() == status) {
                return response;
            }
            assertTrue(System.nanoTime() < deadline, "the gateway still answers " + response.statusCode() + " "
                    + response.asString() + " instead of " + status + " after " + WITHIN.toSeconds() + " s");
            Thread.sleep(250);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement prepared = connection.prepareStatement(statement)) {
            prepared.executeUpdate();
        }
    }
}

package io.tollgate.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.runtime.testing.AppEndpointsContract;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsoleEndpointsTest implements AppEndpointsContract {

    @Test
    void the_start_page_points_to_the_tenant_api_until_the_console_lands() {
        given().get("/").then().statusCode(200).body(containsString("tenant REST API"))
                .body(containsString("/q/openapi"));
    }
}

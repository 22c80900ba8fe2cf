package io.tollgate.controlplane.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tollgate.runtime.testing.KeycloakUsers;
import io.tollgate.runtime.testing.RealServices;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Bearer tokens from the real Keycloak, validated by quarkus-oidc. */
@QuarkusTest
class MeResourceTest {

    @ConfigProperty(name = RealServices.TOKEN_URL)
    String tokenUrl;

    @ConfigProperty(name = RealServices.DEMO_USERNAME)
    String demoUsername;

    @ConfigProperty(name = RealServices.DEMO_PASSWORD)
    String demoPassword;

    @ConfigProperty(name = RealServices.AUTOMATION_CLIENT_SECRET)
    String automationSecret;

    private String passwordGrantToken() {
        return RestAssured.given().formParam("grant_type", "password").formParam("client_id", "tollgate-cli")
                .formParam("username", demoUsername).formParam("password", demoPassword).formParam("scope", "openid")
                .post(tokenUrl).then().statusCode(200).extract().path("access_token");
    }

    @Test
    void answers_who_the_signed_in_person_is() {
        given().auth().oauth2(passwordGrantToken())
                .when().get("/v1/me")
                .then().statusCode(200)
                .body("username", equalTo(demoUsername))
                .body("email", equalTo("demo@tollgate.local"))
                .body("name", equalTo("Demo User"))
                .body("subject", not(emptyOrNullString()));
    }

    @Test
    void accepts_a_machine_client_token() {
        String token = RestAssured.given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "tollgate-automation").formParam("client_secret", automationSecret)
                .post(tokenUrl).then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).when().get("/v1/me").then().statusCode(200)
                .body("username", equalTo("service-account-tollgate-automation"));
    }

    @Test
    void tells_people_apart() {
        KeycloakUsers users = KeycloakUsers.fromTestConfig();
        KeycloakUsers.Person someone = users.create("someone");
        given().auth().oauth2(users.token(someone)).when().get("/v1/me").then().statusCode(200)
                .body("username", equalTo(someone.username()))
                .body("email", equalTo(someone.email()));
    }

    @Test
    void rejects_a_request_without_token() {
        given().when().get("/v1/me").then().statusCode(401);
    }

    @Test
    void rejects_a_token_whose_signature_was_tampered_with() {
        String token = passwordGrantToken();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().auth().oauth2(tampered).when().get("/v1/me").then().statusCode(401);
    }
}

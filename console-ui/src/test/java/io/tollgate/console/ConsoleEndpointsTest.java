package io.tollgate.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.runtime.testing.AppEndpointsContract;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsoleEndpointsTest implements AppEndpointsContract {

    @Test
    void a_visitor_who_is_not_signed_in_is_sent_to_keycloak_with_pkce() {
        given().redirects().follow(false).get("/").then().statusCode(302)
                .header("Location", allOf(containsString("/realms/tollgate/protocol/openid-connect/auth"),
                        containsString("client_id=tollgate-console"), containsString("code_challenge_method=S256")));
    }

    @Test
    void create_account_opens_keycloaks_registration_page() {
        given().redirects().follow(false).get("/account/signup").then().statusCode(302)
                .header("Location", allOf(containsString("/protocol/openid-connect/auth"), containsString("prompt=create")));
    }

    /** A protected favicon would start a second sign-in beside the person's own (see application.properties). */
    @Test
    void the_favicon_is_served_without_sign_in_so_the_browser_never_starts_a_second_sign_in() {
        byte[] icon = given().redirects().follow(false).get("/favicon.ico").then().statusCode(200)
                .header("Location", nullValue()).extract().asByteArray();
        assertArrayEquals(new byte[] {0, 0, 1, 0}, Arrays.copyOf(icon, 4), "an ICO file");
    }

    @Test
    void the_signed_out_page_is_public_and_offers_sign_in_and_create_account() {
        given().get("/signed-out.html").then().statusCode(200)
                .body(containsString("href=\"/account/signup\"")).body(containsString("Sign in"));
    }
}

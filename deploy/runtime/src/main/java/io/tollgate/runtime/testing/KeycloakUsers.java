package io.tollgate.runtime.testing;

import io.tollgate.runtime.Endpoints;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * People for tests, created in the real Keycloak through its admin REST API, and their tokens from
 * the real token endpoint: authorization is always tested with tokens Keycloak issued.
 */
public final class KeycloakUsers {

    /** A person who exists in the realm, with the password to sign in. */
    public record Person(String username, String email, String password) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final String keycloakUrl;
    private final String adminPassword;

    public KeycloakUsers(String keycloakUrl, String adminPassword) {
        this.keycloakUrl = keycloakUrl;
        this.adminPassword = adminPassword;
    }

    /** From the configuration {@link RealServices} hands to a Quarkus test. */
    public static KeycloakUsers fromTestConfig() {
        Config config = ConfigProvider.getConfig();
        return new KeycloakUsers(config.getValue(RealServices.KEYCLOAK_URL, String.class),
                config.getValue(RealServices.KEYCLOAK_ADMIN_PASSWORD, String.class));
    }

    /** Creates a new person with a unique name (and verified email) in the tollgate realm. */
    public Person create(String namePrefix) {
        String unique = namePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = unique + "@example.test";
        String password = UUID.randomUUID().toString();
        String user = """
                {"username": "%s", "email": "%s", "emailVerified": true, "enabled": true,
                 "firstName": "%s", "lastName": "Tester",
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}"""
                .formatted(unique, email, namePrefix, password);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/admin/realms/" + Endpoints.REALM + "/users"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user)).build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating user " + unique + " failed: " + response.statusCode() + " " + response.body());
        }
        return new Person(unique, email, password);
    }

    /** An access token for the person, by password grant through the tollgate-cli client. */
    public String token(Person person) {
        return token(person.username(), person.password());
    }

    public String token(String username, String password) {
        return tokenFrom(Endpoints.REALM, Map.of("grant_type", "password", "client_id", Endpoints.CLI_CLIENT,
                "username", username, "password", password, "scope", "openid"));
    }

    /** A token of the master realm's admin, for tests that change the realm through the admin REST API. */
    public String adminToken() {
        return tokenFrom("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", adminPassword));
    }

    private String tokenFrom(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("token request to realm " + realm + " failed: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.tollgate.runtime;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Credentials of a local platform, made at random on its first start and kept (owner-readable
 * only) in its data folder, so that no password or client secret ever sits in the repository.
 */
public record Secrets(String keycloakAdminPassword, String demoPassword, String automationClientSecret, String configSealKey,
                      String consoleSessionSecret) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static Secrets loadOrCreate(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
        }
        boolean changed = false;
        for (String key : new String[] {"keycloak.admin-password", "demo.password", "automation.client-secret"}) {
            if (properties.getProperty(key) == null) {
                properties.setProperty(key, randomToken());
                changed = true;
            }
        }
        if (properties.getProperty("console.session-secret") == null) { // 32+ characters, encrypts the console's session cookie
            properties.setProperty("console.session-secret", randomToken() + randomToken());
            changed = true;
        }
        if (properties.getProperty("config.seal-key") == null) { // AES-256 key shared by control plane and gateway
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            properties.setProperty("config.seal-key", Base64.getEncoder().encodeToString(key));
            changed = true;
        }
        if (changed) {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "Generated credentials of this local Tollgate platform");
            }
            FilePermissions.ownerOnly(file);
        }
        return new Secrets(properties.getProperty("keycloak.admin-password"),
                properties.getProperty("demo.password"), properties.getProperty("automation.client-secret"),
                properties.getProperty("config.seal-key"), properties.getProperty("console.session-secret"));
    }

    static String randomToken() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

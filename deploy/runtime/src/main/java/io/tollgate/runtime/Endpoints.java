package io.tollgate.runtime;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where the real services answer, and the credentials a client of them needs. Written by a
 * running runtime to {@code services.properties} so that tests in other JVMs reuse its services.
 * A component that was not started has a null address.
 */
public record Endpoints(
        String postgresHost, int postgresPort, String postgresUser, String postgresPassword,
        String kafkaBootstrapServers,
        String keycloakUrl,
        String infinispanHosts,
        String demoUsername, String demoPassword, String automationClientSecret, String keycloakAdminPassword) {

    public static final String REALM = "tollgate";
    public static final String AUTOMATION_CLIENT = "tollgate-automation";
    public static final String CLI_CLIENT = "tollgate-cli";

    public boolean has(Service service) {
        return switch (service) {
            case POSTGRES -> postgresHost != null;
            case KAFKA -> kafkaBootstrapServers != null;
            case KEYCLOAK -> keycloakUrl != null;
            case INFINISPAN -> infinispanHosts != null;
        };
    }

    public String postgresJdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + database;
    }

    public String realmUrl() {
        return keycloakUrl + "/realms/" + REALM;
    }

    /**
     * The Quarkus configuration that connects an app to the given services; {@code database} is the
     * app's own PostgreSQL database (each app owns one).
     */
    public Map<String, String> quarkusConfig(Iterable<Service> services, String database) {
        Map<String, String> config = new LinkedHashMap<>();
        for (Service service : services) {
            switch (service) {
                case POSTGRES -> {
                    config.put("quarkus.datasource.username", postgresUser);
                    if (postgresPassword != null) { // the embedded server trusts loopback clients
                        config.put("quarkus.datasource.password", postgresPassword);
                    }
                    config.put("quarkus.datasource.jdbc.url", postgresJdbcUrl(database));
                    config.put("quarkus.datasource.reactive.url",
                            "postgresql://" + postgresHost + ":" + postgresPort + "/" + database);
                }
                case KAFKA -> config.put("kafka.bootstrap.servers", kafkaBootstrapServers);
                case KEYCLOAK -> config.put("quarkus.oidc.auth-server-url", realmUrl());
                case INFINISPAN -> config.put("quarkus.infinispan-client.hosts", infinispanHosts);
            }
        }
        return config;
    }

    public void writeTo(Path file) throws IOException {
        Properties properties = new Properties();
        put(properties, "postgres.host", postgresHost);
        put(properties, "postgres.port", postgresHost == null ? null : String.valueOf(postgresPort));
        put(properties, "postgres.user", postgresUser);
        put(properties, "postgres.password", postgresPassword);
        put(properties, "kafka.bootstrap-servers", kafkaBootstrapServers);
        put(properties, "keycloak.url", keycloakUrl);
        put(properties, "infinispan.hosts", infinispanHosts);
        put(properties, "demo.username", demoUsername);
        put(properties, "demo.password", demoPassword);
        put(properties, "automation.client-secret", automationClientSecret);
        put(properties, "keycloak.admin-password", keycloakAdminPassword);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary)) {
            properties.store(writer, "Tollgate services of a running local runtime; removed when it stops");
        }
        FilePermissions.ownerOnly(temporary);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static Endpoints readFrom(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        }
        String port = p.getProperty("postgres.port");
        return new Endpoints(p.getProperty("postgres.host"), port == null ? 0 : Integer.parseInt(port),
                p.getProperty("postgres.user"), p.getProperty("postgres.password"),
                p.getProperty("kafka.bootstrap-servers"), p.getProperty("keycloak.url"),
                p.getProperty("infinispan.hosts"), p.getProperty("demo.username"),
                p.getProperty("demo.password"), p.getProperty("automation.client-secret"),
                p.getProperty("keycloak.admin-password"));
    }

    private static void put(Properties properties, String key, String value) {
        if (value != null) {
            properties.setProperty(key, value);
        }
    }
}

package io.tollgate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointsTest {

    private final Endpoints all = new Endpoints("127.0.0.1", 15432, "postgres", null, "127.0.0.1:19092",
            "http://127.0.0.1:18180", "127.0.0.1:11222", "demo", "pw", "secret", "admin-pw");

    @Test
    void survives_a_round_trip_through_the_services_file(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("services.properties");
        all.writeTo(file);
        assertEquals(all, Endpoints.readFrom(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                "the file holds credentials");
    }

    @Test
    void a_service_that_was_not_started_stays_absent(@TempDir Path dir) throws Exception {
        Endpoints kafkaOnly = new Endpoints(null, 0, null, null, "127.0.0.1:9092", null, null, "demo", null, null, null);
        Path file = dir.resolve("services.properties");
        kafkaOnly.writeTo(file);
        Endpoints read = Endpoints.readFrom(file);
        assertTrue(read.has(Service.KAFKA));
        assertFalse(read.has(Service.POSTGRES));
        assertFalse(read.has(Service.KEYCLOAK));
        assertFalse(read.has(Service.INFINISPAN));
    }

    @Test
    void connects_an_app_to_its_own_database_and_only_the_services_it_asks_for() {
        Map<String, String> config = all.quarkusConfig(EnumSet.of(Service.POSTGRES, Service.KEYCLOAK), "tollgate_control");
        assertEquals("postgresql://127.0.0.1:15432/tollgate_control", config.get("quarkus.datasource.reactive.url"));
        assertEquals("jdbc:postgresql://127.0.0.1:15432/tollgate_control", config.get("quarkus.datasource.jdbc.url"));
        assertEquals("http://127.0.0.1:18180/realms/tollgate", config.get("quarkus.oidc.auth-server-url"));
        assertFalse(config.containsKey("kafka.bootstrap.servers"));
        assertFalse(config.containsKey("quarkus.datasource.password"), "the embedded server has no password");
    }
}

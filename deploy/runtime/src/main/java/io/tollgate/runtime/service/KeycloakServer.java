package io.tollgate.runtime.service;

import io.tollgate.runtime.Endpoints;
import io.tollgate.runtime.process.ManagedProcess;
import io.tollgate.runtime.process.ReadyCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from its Maven Central distribution zip, unpacked once into the user's cache folder,
 * started in development mode on PostgreSQL with the {@code tollgate} realm imported from
 * deploy/keycloak/. The realm file takes its secrets from environment placeholders.
 */
public final class KeycloakServer extends ChildProcessServer {

    // Creating its schema on a first start took over 240 s on a 2-core machine shared by several builds.
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(480);

    public record Database(String jdbcUrl, String user, String password) {
    }

    private final Path distributionZip;
    private final Path cacheDirectory;
    private final int port;
    private final int managementPort;
    private final Database database;
    private final Map<String, String> secretsEnvironment;
    private final Path logFile;

    public KeycloakServer(Path distributionZip, Path cacheDirectory, int port, int managementPort, Database database,
            Map<String, String> secretsEnvironment, Path logFile) {
        this.distributionZip = distributionZip;
        this.cacheDirectory = cacheDirectory;
        this.port = port;
        this.managementPort = managementPort;
        this.database = database;
        this.secretsEnvironment = Map.copyOf(secretsEnvironment);
        this.logFile = logFile;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public void start() throws Exception {
        Path home = unpackOnce();
        Path imports = Files.createDirectories(home.resolve("data/import"));
        try (InputStream realm = KeycloakServer.class.getResourceAsStream("/io/tollgate/runtime/keycloak/tollgate-realm.json")) {
            if (realm == null) {
                throw new IllegalStateException("tollgate-realm.json missing from the runtime's resources");
            }
            Files.copy(realm, imports.resolve("tollgate-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, String> environment = new java.util.HashMap<>(secretsEnvironment);
        environment.put("JAVA_HOME", io.tollgate.runtime.process.JavaCommand.javaHome().toString());
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        // quiets an IllegalAccessError that Keycloak prints on Java 25 while shutting down
        environment.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--hostname-strict=false",
                "--import-realm",
                "--db=postgres", "--db-url=" + database.jdbcUrl(), "--db-username=" + database.user()));
        if (database.password() != null) {
            command.add("--db-password=" + database.password());
        }
        ManagedProcess process = started(ManagedProcess.start("keycloak", command, environment, home, logFile));
        process.awaitReady(ReadyCheck.httpOk(url() + "/realms/" + Endpoints.REALM + "/.well-known/openid-configuration"),
                READY_TIMEOUT);
    }

    /**
     * Unpacks the zip into the cache the first time; Keycloak keeps its one-time build output
     * there too, so later starts skip both steps. Unpacked beside and renamed, so an interrupted
     * unpack never leaves a half folder behind.
     */
    private Path unpackOnce() throws IOException {
        String version = distributionZip.getFileName().toString().replace("keycloak-quarkus-dist-", "").replace(".zip", "");
        Path home = cacheDirectory.resolve("keycloak-" + version);
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Files.createDirectories(cacheDirectory);
        Path staging = Files.createTempDirectory(cacheDirectory, "keycloak-unpack-");
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(distributionZip))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                // entries are "keycloak-<version>/…": drop that first folder
                String name = entry.getName().substring(entry.getName().indexOf('/') + 1);
                Path target = staging.resolve(name).normalize();
                if (name.isEmpty() || !target.startsWith(staging)) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    if (name.endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        try {
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException anotherProcessWon) {
            if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
                throw anotherProcessWon;
            }
        }
        return home;
    }
}

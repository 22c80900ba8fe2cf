package io.tollgate.runtime.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tollgate.runtime.Endpoints;
import io.tollgate.runtime.LocalRuntime;
import io.tollgate.runtime.Ports;
import io.tollgate.runtime.RuntimeHome;
import io.tollgate.runtime.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Quarkus test resource that connects an app under test to the real services.
 *
 * <p>When {@code TOLLGATE_SERVICES_FILE} names the address file of a running runtime (as
 * {@code ./tollgate test} arranges), its services are reused; otherwise this starts the services the
 * test asks for itself, on free ports with data under {@code target/tollgate-runtime}, and stops them
 * afterwards. A missing service is an error, never a skip.
 *
 * <p>Arguments: {@code services} (comma-separated, e.g. {@code postgres,keycloak}) and {@code database}
 * (the app's PostgreSQL database).
 */
public class RealServices implements QuarkusTestResourceLifecycleManager {

    public static final String SERVICES_FILE_VARIABLE = "TOLLGATE_SERVICES_FILE";

    /** Test-only settings handed to the tests as configuration. */
    public static final String DEMO_USERNAME = "tollgate.test.demo.username";
    public static final String DEMO_PASSWORD = "tollgate.test.demo.password";
    public static final String AUTOMATION_CLIENT_SECRET = "tollgate.test.automation-client-secret";
    public static final String TOKEN_URL = "tollgate.test.token-url";
    public static final String KEYCLOAK_URL = "tollgate.test.keycloak-url";
    public static final String KEYCLOAK_ADMIN_PASSWORD = "tollgate.test.keycloak-admin-password";

    private static final Duration SHARED_RUNTIME_WAIT = Duration.ofMinutes(5);

    private Set<Service> services;
    private String database;
    private LocalRuntime ownRuntime;
    private Endpoints endpoints;

    @Override
    public void init(Map<String, String> initArgs) {
        services = Service.parseList(initArgs.get("services"));
        database = initArgs.get("database");
        if (services.contains(Service.POSTGRES) && database == null) {
            throw new IllegalArgumentException("RealServices needs a 'database' argument with postgres");
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            endpoints = sharedEndpoints();
            if (endpoints == null) {
                Path root = Path.of("target", "tollgate-runtime");
                deleteRecursively(root);
                RuntimeHome home = RuntimeHome.at(root);
                home.create();
                ownRuntime = new LocalRuntime(home, Ports.random(), line -> System.out.println("[tollgate-runtime] " + line));
                endpoints = ownRuntime.start(services);
            }
            Map<String, String> config = new LinkedHashMap<>(endpoints.quarkusConfig(services, database));
            if (services.contains(Service.KEYCLOAK)) {
                config.put(DEMO_USERNAME, endpoints.demoUsername());
                config.put(DEMO_PASSWORD, endpoints.demoPassword());
                config.put(AUTOMATION_CLIENT_SECRET, endpoints.automationClientSecret());
                config.put(TOKEN_URL, endpoints.realmUrl() + "/protocol/openid-connect/token");
                config.put(KEYCLOAK_URL, endpoints.keycloakUrl());
                if (endpoints.keycloakAdminPassword() != null) {
                    config.put(KEYCLOAK_ADMIN_PASSWORD, endpoints.keycloakAdminPassword());
                }
            }
            return config;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the real services " + services + ": " + e.getMessage(), e);
        }
    }

    /** Where the services answer, once {@link #start()} ran (for subclasses that start apps on them). */
    protected Endpoints endpoints() {
        return endpoints;
    }

    private Endpoints sharedEndpoints() throws IOException {
        String file = System.getenv(SERVICES_FILE_VARIABLE);
        if (file == null || file.isBlank()) {
            return null;
        }
        Endpoints endpoints = Endpoints.readFrom(awaitServicesFile(Path.of(file)));
        for (Service service : services) {
            if (!endpoints.has(service)) {
                throw new IllegalStateException("the shared runtime in " + file + " has no " + service.displayName());
            }
        }
        return endpoints;
    }

    /**
     * ./tollgate test starts the services and the build at the same time, so the first tests may
     * come before the services are ready: wait for the runtime to write its address file, or to
     * report that it failed.
     */
    private static Path awaitServicesFile(Path file) throws IOException {
        Path failed = file.resolveSibling("failed.txt");
        long deadline = System.nanoTime() + SHARED_RUNTIME_WAIT.toNanos();
        while (!Files.exists(file)) {
            if (Files.exists(failed)) {
                throw new IllegalStateException("the shared runtime failed to start: " + Files.readString(failed));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(SERVICES_FILE_VARIABLE + "=" + file + " did not appear within "
                        + SHARED_RUNTIME_WAIT.toMinutes() + " min: is the runtime running?");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the shared runtime", e);
            }
        }
        return file;
    }

    @Override
    public void stop() {
        if (ownRuntime != null) {
            ownRuntime.close();
            ownRuntime = null;
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

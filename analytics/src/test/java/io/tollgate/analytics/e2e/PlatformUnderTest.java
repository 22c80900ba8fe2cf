package io.tollgate.analytics.e2e;

import io.tollgate.runtime.Endpoints;
import io.tollgate.runtime.Platform;
import io.tollgate.runtime.Ports;
import io.tollgate.runtime.RuntimeHome;
import io.tollgate.runtime.testing.KeycloakUsers;
import io.tollgate.runtime.testing.RealServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The platform as a tenant meets it, for the end-to-end tests: the packaged control plane, gateway
 * node and analytics app of this reactor (target/quarkus-app), each a process of its own started
 * through deploy/runtime's {@link Platform}, wired to the real services. The services are the shared
 * ones when {@code TOLLGATE_SERVICES_FILE} names them (else {@link RealServices} starts a set), or
 * those a test hands in (the Kafka outage test owns its broker).
 */
final class PlatformUnderTest implements AutoCloseable {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    static final List<Platform.App> APPS = List.of(Platform.CONTROL_PLANE, Platform.GATEWAY, Platform.ANALYTICS);

    private final Endpoints endpoints;
    private final Platform platform;
    private final long begin = System.nanoTime();
    private Map<String, String> urls;

    private PlatformUnderTest(Endpoints endpoints, String name) throws Exception {
        this.endpoints = endpoints;
        Path root = MODULE.resolve("target").resolve(name);
        deleteRecursively(root);
        RuntimeHome home = RuntimeHome.at(root);
        home.create();
        platform = new Platform(MODULE.getParent(), home, Ports.random(), line -> System.out.println("[" + name + "] " + line));
    }

    /** The apps on the real services of this test run (shared or started here). */
    static PlatformUnderTest onRealServices(String name) throws Exception {
        RealServicesHandle services = RealServicesHandle.all();
        try {
            PlatformUnderTest platform = new PlatformUnderTest(services.endpoints(), name);
            platform.services = services;
            return platform.start();
        } catch (Exception e) {
            services.close();
            throw e;
        }
    }

    /** The apps on the given services (a test that stops one of them owns it). */
    static PlatformUnderTest on(Endpoints endpoints, String name) throws Exception {
        return new PlatformUnderTest(endpoints, name).start();
    }

    private RealServicesHandle services;

    private PlatformUnderTest start() throws Exception {
        try {
            urls = platform.start(APPS, endpoints, this::elapsedSeconds);
            return this;
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - begin) / 1e9;
    }

    Endpoints endpoints() {
        return endpoints;
    }

    String controlPlaneUrl() {
        return urls.get(Platform.CONTROL_PLANE.name());
    }

    String gatewayUrl() {
        return urls.get(Platform.GATEWAY.name());
    }

    String analyticsUrl() {
        return urls.get(Platform.ANALYTICS.name());
    }

    KeycloakUsers keycloakUsers() {
        return new KeycloakUsers(endpoints.keycloakUrl(), endpoints.keycloakAdminPassword());
    }

    /** SIGKILL to the analytics process: no shutdown hook, its open transaction and connections dropped. */
    void killAnalytics() throws InterruptedException {
        platform.kill(Platform.ANALYTICS);
    }

    /** Starts analytics again at its address, as an operator (or Kubernetes) would after a crash. */
    void startAnalytics() throws Exception {
        platform.start(List.of(Platform.ANALYTICS), endpoints, this::elapsedSeconds);
    }

    @Override
    public void close() {
        platform.close();
        if (services != null) {
            services.stop();
        }
    }

    static void deleteRecursively(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** deploy/runtime's test resource, used outside Quarkus: reuses the shared services or starts its own. */
    static final class RealServicesHandle extends RealServices implements AutoCloseable {

        static RealServicesHandle of(String services) {
            RealServicesHandle handle = new RealServicesHandle();
            handle.init(Map.of("services", services, "database", "tollgate_analytics"));
            handle.start();
            return handle;
        }

        static RealServicesHandle all() {
            return of("postgres,kafka,keycloak,infinispan");
        }

        @Override
        protected Endpoints endpoints() {
            return super.endpoints();
        }

        @Override
        public void close() {
            stop();
        }
    }
}

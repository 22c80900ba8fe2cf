package io.tollgate.runtime;

import io.tollgate.runtime.service.QuarkusApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/** The platform's four apps, wired to the services of a {@link LocalRuntime}. */
public final class Platform implements AutoCloseable {

    /** An app of the reactor: where it lives, its documented port, what it connects to. */
    public record App(String name, String module, String portName, int defaultPort, Set<Service> services, String database) {
    }

    public static final App GATEWAY = new App("gateway", "data-plane/node", "gateway", 8000,
            EnumSet.of(Service.KAFKA, Service.INFINISPAN), null);
    public static final App CONTROL_PLANE = new App("control-plane", "control-plane", "control-plane", 8081,
            EnumSet.of(Service.POSTGRES, Service.KAFKA, Service.KEYCLOAK), LocalRuntime.CONTROL_PLANE_DATABASE);
    public static final App ANALYTICS = new App("analytics", "analytics", "analytics", 8082,
            EnumSet.of(Service.POSTGRES, Service.KAFKA, Service.KEYCLOAK), LocalRuntime.ANALYTICS_DATABASE);
    public static final App CONSOLE = new App("console", "console-ui", "console", 8080,
            EnumSet.of(Service.KEYCLOAK), null);
    public static final List<App> APPS = List.of(CONTROL_PLANE, ANALYTICS, GATEWAY, CONSOLE);
    /**
     * host:port of the DNS server that verifies custom domains (their TXT records); unset means the
     * system's. Lets a local platform verify domains against a dnsmasq instead of public DNS.
     */
    public static final String DNS_RESOLVER_VARIABLE = "TOLLGATE_DNS_RESOLVER";

    private final Path repository;
    private final RuntimeHome home;
    private final Ports ports;
    private final Consumer<String> progress;
    private final List<QuarkusApp> started = new ArrayList<>();
    /** Each app's port, chosen once: with random ports every app must learn the same address of the others. */
    private final Map<String, Integer> appPorts = new LinkedHashMap<>();

    public Platform(Path repository, RuntimeHome home, Ports ports, Consumer<String> progress) {
        this.repository = repository;
        this.home = home;
        this.ports = ports;
        this.progress = progress;
        for (App app : APPS) {
            appPorts.put(app.name(), ports.port(app.portName(), app.defaultPort()));
        }
    }

    /** Base URL of an app of this platform (started or not). */
    public String url(App app) {
        return "http://127.0.0.1:" + appPorts.get(app.name());
    }

    /** Starts all apps at once (each is ready on its own) and returns name → base URL. */
    public Map<String, String> start(Endpoints endpoints, LocalRuntime runtime) throws Exception {
        return start(APPS, endpoints, runtime::elapsedSeconds);
    }

    /**
     * Starts the given apps at once, wired to each other's addresses, and returns name → base URL.
     * Tests of one app start the others they talk to this way (the console's browser tests start the
     * control plane and the gateway).
     */
    public Map<String, String> start(List<App> apps, Endpoints endpoints, DoubleSupplier elapsedSeconds) throws Exception {
        Secrets secrets = Secrets.loadOrCreate(home.secretsFile());
        Map<String, String> urls = new LinkedHashMap<>();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (App app : apps) {
            int port = appPorts.get(app.name());
            Map<String, String> config = new LinkedHashMap<>(endpoints.quarkusConfig(app.services(), app.database()));
            config.put("tollgate.control-plane.url", url(CONTROL_PLANE));
            config.put("tollgate.analytics.url", url(ANALYTICS));
            config.put("tollgate.gateway.url", url(GATEWAY));
            if (app == CONSOLE) { // sign-ins survive a console restart
                config.put("tollgate.console.session-secret", secrets.consoleSessionSecret());
            }
            if (app == GATEWAY) { // the node's last known good configuration and event spool, with the platform's other data
                config.put("tollgate.config.state-directory", home.dataOf("gateway").toString());
                config.put("tollgate.events.spool.directory", home.dataOf("gateway").resolve("spool").toString());
                config.put("tollgate.gateway.https.port", String.valueOf(ports.port("gateway-https", 8443)));
            }
            if (app == ANALYTICS && endpoints.automationClientSecret() != null) {
                // reports used-up plan limits to the control plane as the platform's service account
                config.put("quarkus.oidc-client.credentials.secret", endpoints.automationClientSecret());
            }
            if (app == GATEWAY || app == CONTROL_PLANE) { // seals custom domains' private keys in the config
                config.put("tollgate.config.seal-key", secrets.configSealKey());
            }
            String dnsResolver = System.getenv(DNS_RESOLVER_VARIABLE);
            if (app == CONTROL_PLANE && dnsResolver != null && !dnsResolver.isBlank()) {
                config.put("tollgate.domains.dns-resolver", dnsResolver.strip());
            }
            QuarkusApp process = new QuarkusApp(app.name(), repository.resolve(app.module()), port, config,
                    home.logOf(app.name()));
            synchronized (started) {
                started.add(process);
            }
            urls.put(app.name(), process.url());
            if (app == GATEWAY) {
                urls.put("gateway-https", "https://127.0.0.1:" + ports.port("gateway-https", 8443));
            }
            running.add(CompletableFuture.runAsync(() -> {
                long begin = System.nanoTime();
                try {
                    process.start();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
                progress.accept(String.format("[%6.1fs] %-14s ready    %s (%.1f s)", elapsedSeconds.getAsDouble(),
                        app.name(), process.url(), (System.nanoTime() - begin) / 1e9));
            }));
        }
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return urls;
    }

    /**
     * Kills a started app at once (SIGKILL), as a crash would: tests of what survives a crash. The
     * app keeps its port: {@link #start(List, Endpoints, DoubleSupplier)} brings it back at the same address.
     */
    public void kill(App app) throws InterruptedException {
        List<QuarkusApp> victims;
        synchronized (started) {
            victims = started.stream().filter(process -> process.name().equals(app.name())).toList();
            started.removeAll(victims);
        }
        for (QuarkusApp victim : victims) {
            victim.kill();
        }
    }

    @Override
    public void close() {
        synchronized (started) {
            started.forEach(QuarkusApp::close);
            started.clear();
        }
    }
}

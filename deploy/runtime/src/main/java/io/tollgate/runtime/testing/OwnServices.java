package io.tollgate.runtime.testing;

import io.tollgate.runtime.Endpoints;
import io.tollgate.runtime.LocalRuntime;
import io.tollgate.runtime.Ports;
import io.tollgate.runtime.RuntimeHome;
import io.tollgate.runtime.Service;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Services of a test's own (never the shared ones, never external ones), which the test may stop and
 * start again on the same ports with the same data: an outage as the apps see it. Ports are chosen
 * at random once and kept across restarts.
 */
public final class OwnServices implements AutoCloseable {

    private final RuntimeHome home;
    private final Set<Service> services;
    private final String name;
    private final Map<String, Integer> chosen = new ConcurrentHashMap<>();
    private final Ports ports = (portName, fixedDefault) -> chosen.computeIfAbsent(portName, n -> Ports.random().port(n, fixedDefault));
    private LocalRuntime runtime;

    public OwnServices(Path root, Set<Service> services) throws Exception {
        this.home = RuntimeHome.at(root);
        this.services = Set.copyOf(services);
        this.name = root.getFileName().toString();
        home.create();
    }

    /** Starts the services (again); the same addresses every time. */
    public synchronized Endpoints start() throws Exception {
        // an empty environment: these services are ours to stop, never an external server
        runtime = new LocalRuntime(home, ports, line -> System.out.println("[" + name + "] " + line), Map.of());
        return runtime.start(services);
    }

    /** Stops them (SIGTERM, as an operator or a failing host would), keeping their data for {@link #start()}. */
    public synchronized void stop() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}

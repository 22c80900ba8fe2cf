package io.tollgate.gateway.events;

import io.tollgate.runtime.LocalRuntime;
import io.tollgate.runtime.Ports;
import io.tollgate.runtime.RuntimeHome;
import io.tollgate.runtime.Service;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Kafka broker of a test's own (through deploy/runtime), which the test may stop and start
 * again on the same port with the same data: an outage as a node sees it.
 */
final class OwnKafka implements AutoCloseable {

    private final RuntimeHome home;
    private final Map<String, Integer> chosen = new ConcurrentHashMap<>();
    private final Ports ports = (name, fixedDefault) -> chosen.computeIfAbsent(name, n -> Ports.random().port(n, fixedDefault));
    private LocalRuntime runtime;
    private String bootstrapServers;

    OwnKafka(Path root) throws Exception {
        home = RuntimeHome.at(root);
        home.create();
    }

    String start() throws Exception {
        // an empty environment: this broker is ours to stop, never an external one
        runtime = new LocalRuntime(home, ports, line -> System.out.println("[own-kafka] " + line), Map.of());
        bootstrapServers = runtime.start(Set.of(Service.KAFKA)).kafkaBootstrapServers();
        return bootstrapServers;
    }

    void stop() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        stop();
    }
}

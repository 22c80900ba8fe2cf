package io.tollgate.gateway.config;

import java.util.concurrent.atomic.AtomicReference;

/** The snapshot the node serves right now; swapping it is the only way configuration changes. */
public final class ConfigStore {

    private final AtomicReference<GatewaySnapshot> current = new AtomicReference<>();

    /** Null until a first consistent configuration was loaded (from disk or Kafka). */
    public GatewaySnapshot current() {
        return current.get();
    }

    public void swap(GatewaySnapshot snapshot) {
        current.set(snapshot);
    }
}

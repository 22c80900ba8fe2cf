package io.tollgate.analytics.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Steady traffic through the gateway on a few threads until stopped: a fixed rotation of keyless 2xx,
 * 4xx and 5xx, a 403 for a missing key, the generous key's 2xx and 5xx and the throttled key (mostly
 * 429). Paced (a short pause per request and thread) so that the 2-core machine keeps room for the
 * gateway, Kafka and analytics. Every answer goes into the gateway's {@link Tally}.
 */
final class Load implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();

    Load(Gateway gateway, TenantFixture tenant, int threadCount, long pauseMillis) {
        for (int t = 0; t < threadCount; t++) {
            threads.add(Thread.ofPlatform().name("e2e-load-" + t).start(() -> {
                try {
                    for (long i = 0; running.get(); i++) {
                        switch ((int) (i % 6)) {
                            case 0 -> gateway.get("/open/200", null);
                            case 1 -> gateway.get("/open/404", null);
                            case 2 -> gateway.get("/keyed/200", tenant.generousKey);
                            case 3 -> gateway.get("/keyed/500", tenant.generousKey);
                            case 4 -> gateway.get("/keyed/200", null);
                            default -> gateway.get("/keyed/200", tenant.throttledKey);
                        }
                        Thread.sleep(pauseMillis);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable e) {
                    failure.set(e);
                }
            }));
        }
    }

    /** Stops sending, waits for the requests in flight, and fails if any request got no answer. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("the gateway did not answer under load", failure.get());
        }
    }
}

package io.tollgate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.infinispan.client.hotrod.RemoteCache;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.commons.configuration.StringConfiguration;
import org.junit.jupiter.api.Test;

/** Hot Rod put/get with expiry against the real Infinispan server. */
@QuarkusTest
class InfinispanSmokeTest {

    @Inject
    RemoteCacheManager cacheManager;

    private RemoteCache<String, String> smokeCache() {
        return cacheManager.administration().getOrCreateCache("smoke", new StringConfiguration("""
                {"local-cache": {"encoding": {"media-type": "application/x-protostream"},
                                 "expiration": {"interval": 200}}}"""));
    }

    @Test
    void stores_and_reads_back_a_value() {
        RemoteCache<String, String> cache = smokeCache();
        String key = UUID.randomUUID().toString();
        cache.put(key, "value-1");
        assertEquals("value-1", cache.get(key));
    }

    @Test
    void an_entry_expires_after_its_lifespan() throws Exception {
        RemoteCache<String, String> cache = smokeCache();
        String key = UUID.randomUUID().toString();
        cache.put(key, "short-lived", 1, TimeUnit.SECONDS);
        assertEquals("short-lived", cache.get(key));
        // expiry is behaviour, not a timing target: poll until gone, fail only after a generous bound
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (cache.get(key) != null && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertNull(cache.get(key), "entry still present 20 s after its 1 s lifespan");
    }
}

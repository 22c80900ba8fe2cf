package io.tollgate.gateway.policy.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tollgate.gateway.policy.BoundedBody;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/**
 * The node's JSON Web Key Sets, one per URL (shared by every authorizer and deployment that names
 * it), fetched with the node's non-blocking HTTP client. A set is fetched again when it is older
 * than the refresh interval, or when a token names a key id it does not have (the issuer rotated
 * its keys) — but at most once per minimum interval per URL, so that tokens with made-up key ids
 * cannot make the node hammer the issuer. At most one fetch per URL is in flight; callers wait on it.
 */
public final class JwksCache {

    private static final Logger LOG = Logger.getLogger(JwksCache.class);

    /** Largest key set body accepted (a key set is a few KB; an issuer is the tenant's choice). */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final HttpClient client;
    private final long fetchTimeoutMillis;
    private final long minRefetchNanos;
    private final long maxAgeNanos;
    private final LongSupplier clock;
    private final Cache<String, KeySet> sets;
    private final AtomicLong fetches = new AtomicLong();

    /**
     * @param maxSets      how many URLs' key sets are kept (least recently used go first)
     * @param minRefetch   the least time between two fetches of one URL
     * @param maxAge       after this a set is fetched again on its next use
     */
    public JwksCache(HttpClient client, Duration fetchTimeout, Duration minRefetch, Duration maxAge, int maxSets) {
        this(client, fetchTimeout, minRefetch, maxAge, maxSets, System::nanoTime);
    }

    JwksCache(HttpClient client, Duration fetchTimeout, Duration minRefetch, Duration maxAge, int maxSets, LongSupplier clock) {
        this.client = client;
        this.fetchTimeoutMillis = fetchTimeout.toMillis();
        this.minRefetchNanos = minRefetch.toNanos();
        this.maxAgeNanos = maxAge.toNanos();
        this.clock = clock;
        // maintenance on the calling thread: nothing of Caffeine's own runs on a shared pool
        this.sets = Caffeine.newBuilder().maximumSize(maxSets).executor(Runnable::run).build();
    }

    /** The keys of the set at {@code url} as last fetched; empty before the first fetch. */
    public List<JsonWebKey> keys(String url) {
        KeySet set = sets.getIfPresent(url);
        return set == null ? List.of() : set.keys;
    }

    /** How many fetches were started, for the rate-limit test and a metric. */
    public long fetches() {
        return fetches.get();
    }

    /**
     * Completes when the set at {@code url} is as fresh as it may be for a token with key id
     * {@code kid} (null: the token names none): at once when the key is known and the set is young
     * enough, else when the fetch started or already running completes. It never fails: a set that
     * could not be fetched leaves the old keys in place and the token's check decides.
     */
    public Future<Void> ready(String url, String kid) {
        KeySet set = sets.get(url, u -> new KeySet());
        long now = clock.getAsLong();
        Promise<Void> fetch;
        synchronized (set) {
            boolean known = set.fetchedAt != null && (kid == null ? !set.keys.isEmpty() : set.has(kid));
            boolean stale = set.fetchedAt == null || now - set.fetchedAt > maxAgeNanos;
            if (set.inFlight != null) {
                return known ? Future.succeededFuture() : set.inFlight;
            }
            if (known && !stale) {
                return Future.succeededFuture();
            }
            if (set.lastAttempt != null && now - set.lastAttempt < minRefetchNanos) {
                return Future.succeededFuture(); // rate limited: decide with the keys we have
            }
            set.lastAttempt = now;
            fetch = Promise.promise();
            set.inFlight = fetch.future();
            if (known) {
                // stale but usable: refresh in the background, let this token through on the old keys
                start(url, set, fetch);
                return Future.succeededFuture();
            }
        }
        start(url, set, fetch);
        return fetch.future();
    }

    private void start(String url, KeySet set, Promise<Void> done) {
        fetches.incrementAndGet();
        client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                        .putHeader("accept", "application/json").setTimeout(fetchTimeoutMillis))
                .compose(request -> request.send())
                .compose(response -> BoundedBody.of200(response, MAX_BODY_BYTES))
                .onComplete(fetched -> {
                    List<JsonWebKey> keys = null;
                    if (fetched.succeeded()) {
                        try {
                            keys = List.copyOf(new JsonWebKeySet(fetched.result().toString()).getJsonWebKeys());
                        } catch (JoseException | RuntimeException e) {
                            LOG.warnf("JWKS at %s is not a valid key set: %s", url, e.getMessage());
                        }
                    } else {
                        LOG.warnf("JWKS at %s could not be fetched: %s", url, fetched.cause().getMessage());
                    }
                    synchronized (set) {
                        if (keys != null) {
                            set.keys = keys;
                            set.fetchedAt = clock.getAsLong();
                        }
                        set.inFlight = null;
                    }
                    done.complete();
                });
    }

    /** One URL's keys and fetch state; guarded by its own monitor (held only for a few assignments). */
    private static final class KeySet {
        volatile List<JsonWebKey> keys = List.of();
        Long fetchedAt;
        Long lastAttempt;
        Future<Void> inFlight;

        boolean has(String kid) {
            for (JsonWebKey key : keys) {
                if (kid.equals(key.getKeyId())) {
                    return true;
                }
            }
            return false;
        }
    }
}

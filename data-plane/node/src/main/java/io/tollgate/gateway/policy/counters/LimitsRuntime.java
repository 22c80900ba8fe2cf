package io.tollgate.gateway.policy.counters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The node's side of cluster-wide limits: the local buckets and quota windows (by shared key), one
 * thread that starts every remote reservation (so nothing remote starts on an event loop), the
 * heartbeat that counts live nodes and notices when Infinispan is away or back, and the metrics of
 * all of it. See docs/gateway-node.md, "Throttling and quotas across the cluster".
 */
public final class LimitsRuntime implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LimitsRuntime.class);
    /** Buckets and windows idle this long are dropped (their state is in Infinispan anyway). */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final LimitsSettings settings;
    private final SharedCounters counters;
    private final NodeRoster roster;
    private final ConcurrentMap<String, LeasedBucket> buckets = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LeasedQuota> quotas = new ConcurrentHashMap<>();
    /** Starts remote calls; bounded: when full, a reservation is skipped and retried by the next request. */
    private final ThreadPoolExecutor remoteStarter;
    private final ScheduledExecutorService timer;
    private volatile boolean remoteUp;
    private final Counter granted;
    private final Counter exhausted;
    private final Counter failures;
    private final Counter fallbacks;
    private final Counter lateAnswers;

    public LimitsRuntime(LimitsSettings settings, SharedCounters counters, NodeRoster roster, MeterRegistry metrics) {
        this.settings = settings;
        this.counters = counters;
        this.roster = roster;
        this.remoteStarter = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                daemon("tollgate-limits-remote"));
        this.timer = new ScheduledThreadPoolExecutor(1, daemon("tollgate-limits-timer"));
        granted = Counter.builder("tollgate.limits.reservations").tag("result", "granted")
                .description("Reservations of permits from the shared counters that got all they asked").register(metrics);
        exhausted = Counter.builder("tollgate.limits.reservations").tag("result", "short")
                .description("Reservations that got less than asked: the shared limit is reached").register(metrics);
        failures = Counter.builder("tollgate.limits.reservations").tag("result", "failed")
                .description("Reservations without an answer in time (Infinispan away or contended)").register(metrics);
        lateAnswers = Counter.builder("tollgate.limits.reservations").tag("result", "late")
                .description("Answers that came after their deadline; their permits were still counted").register(metrics);
        fallbacks = Counter.builder("tollgate.limits.fallbacks")
                .description("Times the node fell back to enforcing per-node shares").register(metrics);
        Gauge.builder("tollgate.limits.fallback", this, r -> r.remoteUp ? 0 : 1)
                .description("1 while the node enforces per-node shares because Infinispan is away").register(metrics);
        Gauge.builder("tollgate.limits.nodes", roster, NodeRoster::liveNodes)
                .description("Gateway nodes sharing the limits, from the heartbeats").register(metrics);
        Gauge.builder("tollgate.limits.local", this, r -> r.buckets.size() + r.quotas.size())
                .description("Local token buckets and quota windows held by the node").register(metrics);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Starts the heartbeat (the first one at once) and the sweep of idle entries. */
    public void start() {
        long interval = settings.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::heartbeat, 0, interval, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::sweep, 10, 10, TimeUnit.SECONDS);
        if (LOG.isDebugEnabled()) {
            // per-bucket totals each second: how nodes compare after a measurement (ClusterLimitsIT)
            timer.scheduleWithFixedDelay(this::logBuckets, 1, 1, TimeUnit.SECONDS);
        }
    }

    private void logBuckets() {
        long now = System.nanoTime();
        buckets.values().stream().filter(bucket -> now - bucket.lastUsed() < 2_000_000_000L)
                .forEach(bucket -> LOG.debugf("bucket %s on %s (%d node(s)%s): %s", bucket.key(), roster.nodeId(),
                        roster.liveNodes(), remoteUp ? "" : ", fallback", bucket.describe()));
    }

    public LimitsSettings settings() {
        return settings;
    }

    public boolean remoteUp() {
        return remoteUp;
    }

    public int liveNodes() {
        return roster.liveNodes();
    }

    /** The node's bucket for a shared key, created on first use. */
    public LeasedBucket bucket(String key, TokenBucketSpec spec) {
        LeasedBucket bucket = buckets.get(key);
        return bucket != null ? bucket : buckets.computeIfAbsent(key, k -> new LeasedBucket(k, spec, this, System.nanoTime()));
    }

    /** The node's quota of a key under a plan ({@code keyPrefix} + window start names the shared count). */
    public LeasedQuota quota(String keyPrefix, io.tollgate.contract.v1.UsagePlanConfig.QuotaConfig quota) {
        LeasedQuota leased = quotas.get(keyPrefix);
        return leased != null ? leased : quotas.computeIfAbsent(keyPrefix, k -> new LeasedQuota(k, quota, this, System.nanoTime()));
    }

    void reserve(LeasedBucket bucket, long wanted, long charge, long aheadMicros) {
        start(() -> counters.takeTokens(bucket.key(), bucket.spec(), wanted, charge, aheadMicros),
                take -> {
                    (take.granted() == wanted ? granted : exhausted).increment();
                    bucket.granted(take, wanted, System.nanoTime(), SharedCounters.wallMicros());
                },
                () -> bucket.failed(charge, System.nanoTime()),
                take -> bucket.grantedLate(take, charge, System.nanoTime(), SharedCounters.wallMicros()));
    }

    void reserve(LeasedQuota quota, QuotaWindow window, long wanted, long charge) {
        start(() -> counters.takeQuota(quota.keyFor(window), quota.quota().limit(), wanted, charge, window.endMillis()),
                grant -> {
                    (grant.granted() == wanted ? granted : exhausted).increment();
                    quota.granted(window, grant, wanted);
                },
                () -> quota.failed(window, charge, System.currentTimeMillis()),
                grant -> quota.grantedLate(window, grant, charge));
    }

    /**
     * Starts one remote change on the limits' own thread. Its answer is awaited for the deadline
     * only: then the node goes on without it ({@code onFailure}); should it still come, what it
     * granted is reconciled ({@code onLate}), so a slow answer loses no tokens.
     */
    private <T> void start(java.util.function.Supplier<CompletableFuture<T>> call, java.util.function.Consumer<T> onAnswer,
            Runnable onFailure, java.util.function.Consumer<T> onLate) {
        try {
            remoteStarter.execute(() -> {
                CompletableFuture<T> answer;
                try {
                    answer = call.get();
                } catch (RuntimeException e) {
                    answer = CompletableFuture.failedFuture(e);
                }
                java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();
                answer.whenComplete((result, error) -> {
                    if (settled.compareAndSet(false, true)) {
                        if (error == null) {
                            onAnswer.accept(result);
                        } else {
                            fail(error, onFailure);
                        }
                    } else if (error == null) {
                        lateAnswers.increment();
                        onLate.accept(result);
                    }
                });
                answer.copy().orTimeout(counters.timeoutMillis(), TimeUnit.MILLISECONDS).whenComplete((result, error) -> {
                    if (error != null && settled.compareAndSet(false, true)) {
                        fail(error, onFailure);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            onFailure.run();
        }
    }

    private void fail(Throwable error, Runnable onFailure) {
        failures.increment();
        // a slow answer is not an outage: on a loaded machine round trips pass the deadline now and
        // then, and falling back each time would admit shares beside the shared bucket; the
        // heartbeat (same deadline, every beat) decides, and transport errors count at once
        Throwable cause = unwrap(error);
        if (!(cause instanceof SharedCounters.Contended) && !(cause instanceof java.util.concurrent.TimeoutException)) {
            markDown(error);
        }
        onFailure.run();
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private void markDown(Throwable why) {
        if (remoteUp) {
            remoteUp = false;
            fallbacks.increment();
            LOG.warnf("Infinispan counters unreachable (%s): enforcing per-node shares of %d node(s)%s", unwrap(why),
                    roster.liveNodes(), settings.failOpen() ? "" : ", failing closed");
        }
    }

    private void heartbeat() {
        try {
            roster.beat(counters).get(counters.timeoutMillis(), TimeUnit.MILLISECONDS);
            if (!remoteUp) {
                remoteUp = true;
                LOG.infof("Infinispan counters reachable: cluster-wide limits across %d node(s)", roster.liveNodes());
            }
        } catch (Exception e) {
            markDown(e);
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        long idle = buckets.size() + quotas.size() > settings.maxEntries() ? IDLE_NANOS / 60 : IDLE_NANOS;
        buckets.values().removeIf(bucket -> now - bucket.lastUsed() > idle);
        quotas.values().removeIf(quota -> now - quota.lastUsed() > idle);
    }

    /** Applies {@code function} to every local bucket (tests and diagnostics). */
    public <R> java.util.List<R> eachBucket(Function<LeasedBucket, R> function) {
        return buckets.values().stream().map(function).toList();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        remoteStarter.shutdownNow();
    }
}

package io.tollgate.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load for the multi-node tests: requests at a fixed rate (not "as fast as answers
 * come"), spread round-robin over the given node ports, each with a deadline, every outcome
 * recorded with its send time and latency. Bounded in count and time.
 */
final class PacedLoad implements AutoCloseable {

    /**
     * One request: when it was sent (µs since the start), status (-1: no answer by the deadline or an
     * error), latency, and how late it was sent against its slot in the schedule (a loaded machine
     * delays the generator itself: the offered load is what was sent, not what was meant), and the
     * index of the node (port) it went to.
     */
    record Outcome(long sentMicros, int status, long latencyNanos, long lateMicros, int node) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client;

    PacedLoad() {
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(64));
    }

    /**
     * Sends {@code perSecond} requests a second for {@code seconds}, waits for the last answers, and
     * returns every outcome. {@code timeoutMillis} is the deadline of each request: an answer that
     * did not come by then is a hung request (status -1).
     */
    List<Outcome> run(int[] ports, String host, String path, int perSecond, double seconds, long timeoutMillis)
            throws InterruptedException {
        long total = Math.round(perSecond * seconds);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch((int) total);
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        long timer = vertx.setPeriodic(1, id -> {
            long due = Math.min(total, (System.nanoTime() - start) * perSecond / 1_000_000_000L);
            while (sent.get() < due) {
                long n = sent.getAndIncrement();
                int node = (int) (n % ports.length);
                int port = ports[node];
                long slotMicros = n * 1_000_000L / perSecond;
                client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port).setURI(path)
                                .putHeader("Host", host).setIdleTimeout(timeoutMillis))
                        .compose(request -> {
                            // timed from here, when the request has its connection and is written: a
                            // generator that a loaded machine holds back must not count as gateway latency,
                            // and the accuracy reference replays the times requests really went out
                            long sentAt = System.nanoTime();
                            return request.send().compose(response -> response.body().map(body -> new Outcome(
                                    (sentAt - start) / 1_000, response.statusCode(), System.nanoTime() - sentAt,
                                    (sentAt - start) / 1_000 - slotMicros, node)));
                        })
                        .onComplete(result -> {
                            outcomes.add(result.succeeded() ? result.result()
                                    : new Outcome(slotMicros, -1, System.nanoTime() - start - slotMicros * 1_000, 0, node));
                            done.countDown();
                        });
            }
        });
        boolean finished = done.await((long) (seconds * 1000) + timeoutMillis + 10_000, TimeUnit.MILLISECONDS);
        vertx.cancelTimer(timer);
        if (!finished) {
            throw new AssertionError("requests still unanswered after their deadline: " + done.getCount() + " of " + total);
        }
        List<Outcome> list = new ArrayList<>(outcomes);
        list.sort((a, b) -> Long.compare(a.sentMicros(), b.sentMicros()));
        return list;
    }

    static long count(List<Outcome> outcomes, int status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** Seconds from the first request sent to the last. */
    static double spanSeconds(List<Outcome> outcomes) {
        return (outcomes.getLast().sentMicros() - outcomes.getFirst().sentMicros()) / 1e6;
    }

    /** The most any request was sent behind its slot, in milliseconds. */
    static double maxLateMillis(List<Outcome> outcomes) {
        return outcomes.stream().mapToLong(Outcome::lateMicros).max().orElse(0) / 1e3;
    }

    /** The p-th percentile latency in milliseconds (p in 0..100). */
    static double percentileMillis(List<Outcome> outcomes, double p) {
        long[] latencies = outcomes.stream().mapToLong(Outcome::latencyNanos).toArray();
        Arrays.sort(latencies);
        if (latencies.length == 0) {
            return 0;
        }
        int index = (int) Math.min(latencies.length - 1, Math.ceil(p / 100 * latencies.length) - 1);
        return latencies[Math.max(0, index)] / 1e6;
    }

    @Override
    public void close() {
        client.close();
        vertx.close();
    }
}

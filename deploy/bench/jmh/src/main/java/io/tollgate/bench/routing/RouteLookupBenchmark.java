package io.tollgate.bench.routing;

import io.tollgate.gateway.routing.RouteTable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one {@link RouteTable#lookup} as the deployment grows from 10 to 10 000 routes.
 * The table is a tree of path segments, so the cost should follow the request path's length and
 * stay flat in the number of routes: compare the rows of one {@code lookup} kind across
 * {@code routes}.
 *
 * <p>The routes look like a real API, five per resource, under a shared {@code /v1} prefix:
 * <pre>
 *   GET  /v1/svc{n}/items
 *   POST /v1/svc{n}/items
 *   GET  /v1/svc{n}/items/{id}
 *   GET  /v1/svc{n}/items/{id}/reviews/{reviewId}
 *   ANY  /v1/svc{n}/files/{path+}
 * </pre>
 * and the lookups hit each kind of segment:
 * <ul>
 * <li>{@code exact}: {@code GET /v1/svc{n}/items} (exact segments only);</li>
 * <li>{@code param}: {@code GET /v1/svc{n}/items/42/reviews/7} (two {@code {param}} segments);</li>
 * <li>{@code greedy}: {@code GET /v1/svc{n}/files/docs/2024/report.pdf} (greedy {@code {path+}});</li>
 * <li>{@code miss}: {@code GET /v1/svc{n}/orders/42} (a resource that does not exist: 404).</li>
 * </ul>
 * Each invocation takes the next of 1 024 pre-built paths spread over all resources, so the
 * lookup walks the whole table's memory, not one branch the CPU caches and predicts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RouteLookupBenchmark {

    private static final int PATHS = 1024; // a power of two: the index wraps with a mask
    private static final String[] SHAPES = {
        "GET /v1/svc%d/items",
        "POST /v1/svc%d/items",
        "GET /v1/svc%d/items/{id}",
        "GET /v1/svc%d/items/{id}/reviews/{reviewId}",
        "ANY /v1/svc%d/files/{path+}",
    };

    @Param({"10", "1000", "10000"})
    int routes;

    @Param({"exact", "param", "greedy", "miss"})
    String lookup;

    private RouteTable<String> table;
    private String[] paths;
    private int next;

    @Setup(Level.Trial)
    public void buildTable() {
        table = new RouteTable<>();
        for (int i = 0; i < routes; i++) {
            String[] route = SHAPES[i % SHAPES.length].formatted(i / SHAPES.length).split(" ");
            table.add(route[0], route[1], "route-" + i);
        }
        int resources = (routes + SHAPES.length - 1) / SHAPES.length;
        SplittableRandom random = new SplittableRandom(42);
        List<String> built = new ArrayList<>(PATHS);
        for (int i = 0; i < PATHS; i++) {
            built.add(path(lookup, random.nextInt(resources), random));
        }
        paths = built.toArray(String[]::new);
        for (String path : paths) { // a wrong table or path would make the figures meaningless
            RouteTable.Lookup<String> found = table.lookup("GET", path);
            boolean expectMatch = !lookup.equals("miss");
            if ((found instanceof RouteTable.Match<String>) != expectMatch) {
                throw new IllegalStateException(lookup + " lookup of " + path + " gave " + found);
            }
        }
    }

    private static String path(String kind, int resource, SplittableRandom random) {
        return switch (kind) {
            case "exact" -> "/v1/svc" + resource + "/items";
            case "param" -> "/v1/svc" + resource + "/items/" + random.nextInt(1_000_000) + "/reviews/" + random.nextInt(1000);
            case "greedy" -> "/v1/svc" + resource + "/files/docs/" + (2000 + random.nextInt(30)) + "/report-" + random.nextInt(1000) + ".pdf";
            case "miss" -> "/v1/svc" + resource + "/orders/" + random.nextInt(1_000_000);
            default -> throw new IllegalArgumentException("unknown lookup kind " + kind);
        };
    }

    @Benchmark
    public RouteTable.Lookup<String> lookup() {
        String path = paths[next++ & (PATHS - 1)];
        return table.lookup("GET", path);
    }
}

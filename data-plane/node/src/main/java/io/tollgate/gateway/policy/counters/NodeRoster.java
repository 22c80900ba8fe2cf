package io.tollgate.gateway.policy.counters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How many gateway nodes share the cluster's limits, learnt from heartbeats: each node writes its
 * id and the time into one roster entry every heartbeat and drops ids not heard of for three
 * heartbeats. The count is what a node divides a limit by when Infinispan is away and it must
 * enforce its share alone.
 */
public final class NodeRoster {

    static final String KEY = "tollgate:nodes";

    private final String nodeId;
    private final long staleMillis;
    private volatile int liveNodes;

    public NodeRoster(String nodeId, long heartbeatMillis, int expectedNodes) {
        this.nodeId = nodeId;
        this.staleMillis = 3 * heartbeatMillis;
        this.liveNodes = Math.max(1, expectedNodes);
    }

    /** The nodes alive at the last heartbeat that reached Infinispan (the configured guess before). */
    public int liveNodes() {
        return liveNodes;
    }

    public String nodeId() {
        return nodeId;
    }

    /** Writes this node's heartbeat; completes with the number of live nodes. */
    public CompletableFuture<Integer> beat(SharedCounters counters) {
        return counters.change(KEY, current -> {
            long now = System.currentTimeMillis();
            Map<String, Long> nodes = parse(current instanceof String text ? text : "");
            nodes.values().removeIf(seen -> seen < now - staleMillis);
            nodes.put(nodeId, now);
            return new SharedCounters.Change<>(format(nodes), 10 * staleMillis, nodes.size());
        }).thenApply(count -> {
            liveNodes = count;
            return count;
        });
    }

    static Map<String, Long> parse(String text) {
        Map<String, Long> nodes = new LinkedHashMap<>();
        for (String item : text.split(";")) {
            int eq = item.indexOf('=');
            if (eq > 0) {
                try {
                    nodes.put(item.substring(0, eq), Long.parseLong(item.substring(eq + 1)));
                } catch (NumberFormatException ignored) {
                    // a damaged item counts as a node not heard of
                }
            }
        }
        return nodes;
    }

    static String format(Map<String, Long> nodes) {
        StringBuilder text = new StringBuilder();
        nodes.forEach((id, seen) -> text.append(text.isEmpty() ? "" : ";").append(id).append('=').append(seen));
        return text.toString();
    }
}

package io.tollgate.gateway.policy.counters;

import java.time.Duration;

/**
 * How the node enforces cluster-wide limits (application.properties, tollgate.gateway.rate-limits.*).
 *
 * @param failOpen      while Infinispan is away: true = each node enforces its share of every
 *                      limit; false = requests under a limit are refused (THROTTLED)
 * @param lease         how much of a node's own recent demand one reservation covers
 * @param remoteTimeout deadline of one reservation; after it the node falls back to its share
 * @param heartbeat     interval of the node roster's heartbeat (and of the probe while away)
 * @param expectedNodes node count assumed before the first heartbeat reached Infinispan
 * @param maxEntries    local buckets and quota windows kept at most (idle ones are dropped first)
 */
public record LimitsSettings(boolean failOpen, Duration lease, Duration remoteTimeout, Duration heartbeat,
        int expectedNodes, int maxEntries) {

    public static final LimitsSettings DEFAULTS = new LimitsSettings(true, Duration.ofMillis(100), Duration.ofMillis(400),
            Duration.ofMillis(250), 1, 100_000);
}

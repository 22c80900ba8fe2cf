package io.tollgate.contract;

import java.util.List;
import java.util.Map;

/** The topics the platform's parts exchange records on. */
public final class Topics {

    /**
     * Gateway configuration, key = entity kind + id, value = contract record, tombstone = delete.
     * Compacted so a node that starts from scratch reads the latest state of every entity; one
     * partition so every node applies changes in the control plane's commit order.
     */
    public static final TopicSpec CONFIG = new TopicSpec("tollgate.config", 1, Map.of(
            "cleanup.policy", "compact",
            "min.compaction.lag.ms", "60000"));

    /**
     * One access event per gateway request, keyed by tenant. Several partitions so analytics
     * consumers scale out; a week of retention bounds how long analytics may lag or be down
     * before events (and so revenue) are lost.
     */
    public static final TopicSpec ACCESS_EVENTS = new TopicSpec("tollgate.access-events", 6, Map.of(
            "cleanup.policy", "delete",
            "retention.ms", String.valueOf(7L * 24 * 60 * 60 * 1000),
            "compression.type", "producer"));

    public static final List<TopicSpec> ALL = List.of(CONFIG, ACCESS_EVENTS);

    private Topics() {
    }
}

package io.tollgate.gateway.policy.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeRosterTest {

    @Test
    void the_roster_entry_reads_back_what_was_written_and_skips_damaged_items() {
        Map<String, Long> nodes = new LinkedHashMap<>();
        nodes.put("a", 10L);
        nodes.put("b", 20L);
        assertEquals(nodes, NodeRoster.parse(NodeRoster.format(nodes)));
        assertEquals(Map.of("a", 10L), NodeRoster.parse("a=10;broken;c=x"));
    }

    @Test
    void before_any_heartbeat_the_configured_node_count_is_assumed() {
        assertEquals(3, new NodeRoster("me", 250, 3).liveNodes());
        assertEquals(1, new NodeRoster("me", 250, 0).liveNodes());
    }
}

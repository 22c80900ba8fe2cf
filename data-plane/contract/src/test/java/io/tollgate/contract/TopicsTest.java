package io.tollgate.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void config_topic_is_compacted_and_keeps_commit_order() {
        assertEquals("compact", Topics.CONFIG.settings().get("cleanup.policy"));
        assertEquals(1, Topics.CONFIG.partitions(), "one partition keeps the control plane's commit order");
    }

    @Test
    void access_events_spread_over_several_partitions() {
        assertTrue(Topics.ACCESS_EVENTS.partitions() > 1);
        assertEquals("delete", Topics.ACCESS_EVENTS.settings().get("cleanup.policy"));
    }

    @Test
    void rejects_topic_without_partitions() {
        assertThrows(IllegalArgumentException.class, () -> new TopicSpec("t", 0, Map.of()));
    }

    @Test
    void settings_cannot_be_changed_after_creation() {
        Map<String, String> settings = new HashMap<>(Map.of("cleanup.policy", "compact"));
        TopicSpec spec = new TopicSpec("t", 1, settings);
        settings.put("cleanup.policy", "delete");
        assertEquals("compact", spec.settings().get("cleanup.policy"));
        assertThrows(UnsupportedOperationException.class, () -> spec.settings().put("x", "y"));
    }
}

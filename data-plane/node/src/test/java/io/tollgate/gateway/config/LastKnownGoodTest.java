package io.tollgate.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tollgate.contract.v1.ConfigCodec;
import io.tollgate.contract.v1.ConfigRecord;
import io.tollgate.contract.v1.TenantConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastKnownGoodTest {

    private static void put(ConfigState state, ConfigRecord record, Instant at) {
        state.apply(record.key(), ConfigCodec.encode(record), record.revision(), at, (k, p) -> { });
    }

    @Test
    void what_was_saved_is_loaded_back_with_its_version_and_age(@TempDir Path dir) throws Exception {
        ConfigState state = new ConfigState();
        Instant published = Instant.parse("2026-11-24T10:00:00Z");
        put(state, new TenantConfig("t1", 4, TenantConfig.Status.ACTIVE), published);
        put(state, TestConfigs.deployment("d1", "t1", "a1", 7, List.of(TestConfigs.mockRoute("GET", "/", 200, "hi"))), published);
        put(state, TestConfigs.stage("s1", "t1", "a1", "prod", "d1", 9, Map.of("v", "1")), published);
        LastKnownGood disk = new LastKnownGood(dir);
        disk.save(state);

        ConfigState loaded = new ConfigState();
        assertTrue(disk.load(loaded, (k, p) -> { }));
        assertEquals(state.records(), loaded.records());
        assertEquals(9, loaded.version());
        assertEquals(published, loaded.publishedAt());
    }

    @Test
    void deletes_and_rejected_values_keep_the_state_consistent() {
        ConfigState state = new ConfigState();
        TenantConfig tenant = new TenantConfig("t1", 4, TenantConfig.Status.ACTIVE);
        put(state, tenant, Instant.now());
        List<String> problems = new ArrayList<>();
        boolean changed = state.apply("tenant:t1", "{\"id\":\"t1\"}".getBytes(StandardCharsets.UTF_8), 5, Instant.now(),
                (key, problem) -> problems.add(key));
        assertFalse(changed);
        assertEquals(List.of("tenant:t1"), problems);
        assertEquals(tenant, state.records().get("tenant:t1"), "an invalid update keeps the last valid value");
        assertTrue(state.apply("tenant:t1", null, 6, Instant.now(), (k, p) -> { }));
        assertTrue(state.records().isEmpty());
        assertEquals(6, state.version(), "tombstones advance the version through the revision header");
    }

    @Test
    void a_damaged_file_is_reported_not_served(@TempDir Path dir) throws Exception {
        LastKnownGood disk = new LastKnownGood(dir);
        Files.writeString(disk.file(), "garbage\n");
        List<String> problems = new ArrayList<>();
        assertFalse(disk.load(new ConfigState(), (k, p) -> problems.add(p)));
        assertEquals(1, problems.size());
    }
}

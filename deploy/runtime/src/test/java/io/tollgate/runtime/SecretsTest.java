package io.tollgate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @Test
    void are_generated_once_and_kept_across_starts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secrets.properties");
        Secrets first = Secrets.loadOrCreate(file);
        Secrets second = Secrets.loadOrCreate(file);
        assertEquals(first, second);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void differ_between_platforms_and_between_each_other(@TempDir Path dir) throws Exception {
        Secrets a = Secrets.loadOrCreate(dir.resolve("a.properties"));
        Secrets b = Secrets.loadOrCreate(dir.resolve("b.properties"));
        assertNotEquals(a.demoPassword(), b.demoPassword());
        assertNotEquals(a.demoPassword(), a.automationClientSecret());
        assertTrue(a.demoPassword().length() >= 24, "at least 144 random bits");
        assertEquals(32, java.util.Base64.getDecoder().decode(a.configSealKey()).length, "an AES-256 key");
        assertNotEquals(a.configSealKey(), b.configSealKey());
    }
}

package io.tollgate.contract.v1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SealingTest {

    private static final byte[] KEY = new byte[32];
    private final Sealing sealing = new Sealing(KEY);

    @Test
    void opens_what_it_sealed_for_the_same_record() {
        byte[] secret = "-----BEGIN PRIVATE KEY-----".getBytes(StandardCharsets.UTF_8);
        String sealed = sealing.seal(secret, "domain:d1");
        assertArrayEquals(secret, sealing.open(sealed, "domain:d1"));
        assertNotEquals(sealed, sealing.seal(secret, "domain:d1"), "a fresh iv each time");
    }

    @Test
    void refuses_another_record_another_key_and_tampering() {
        String sealed = sealing.seal(new byte[] {1, 2, 3}, "domain:d1");
        assertThrows(IllegalArgumentException.class, () -> sealing.open(sealed, "domain:d2"));
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThrows(IllegalArgumentException.class, () -> new Sealing(otherKey).open(sealed, "domain:d1"));
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> sealing.open(Base64.getEncoder().encodeToString(bytes), "domain:d1"));
    }

    @Test
    void needs_a_256_bit_key() {
        assertThrows(IllegalArgumentException.class, () -> new Sealing(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> Sealing.fromBase64("not base64!"));
    }
}

package io.tollgate.controlplane.accesstoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class AccessTokenSecretsTest {

    @Test
    void a_token_carries_256_random_bits_after_its_prefix() {
        AccessTokenSecrets.Secret secret = AccessTokenSecrets.generate();
        assertTrue(secret.value().startsWith("tgat_"));
        assertEquals(32, Base64.getUrlDecoder().decode(secret.value().substring(5)).length);
        assertNotEquals(secret.value(), AccessTokenSecrets.generate().value());
    }

    @Test
    void stores_the_sha256_and_a_short_visible_prefix_never_the_value() {
        AccessTokenSecrets.Secret secret = AccessTokenSecrets.generate();
        assertEquals(64, secret.sha256().length());
        assertEquals(AccessTokenSecrets.sha256(secret.value()), secret.sha256());
        assertEquals(13, secret.visiblePrefix().length());
        assertTrue(secret.value().startsWith(secret.visiblePrefix()));
        assertFalse(secret.sha256().contains(secret.value().substring(5)));
    }

    @Test
    void sha256_matches_the_known_digest() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", AccessTokenSecrets.sha256(""));
    }

    @Test
    void only_values_with_the_prefix_look_like_tokens() {
        assertTrue(AccessTokenSecrets.looksLikeToken("tgat_abc"));
        assertFalse(AccessTokenSecrets.looksLikeToken("eyJhbGciOiJSUzI1NiJ9.x.y"));
        assertFalse(AccessTokenSecrets.looksLikeToken(null));
    }
}
